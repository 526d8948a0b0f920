import type { Task } from '@ratchet/runtime';
import type { SimInput } from './sim-tasks';

/**
 * Success probability of a simulated attempt: the task's base rate plus the planted effect of the
 * attempt's arm, clamped to [0, 1].
 *
 * @example
 * simSuccessProbability(0.5, 0.2); // => 0.7
 */
export function simSuccessProbability(baseRate: number, effect: number): number {
  return Math.min(1, Math.max(0, baseRate + effect));
}

/**
 * The true success rate, over `tasks`, of an arm whose steered attempts carry `effect`, when the
 * cell also makes an unsteered attempt (refine@k, k ≥ 2) or makes only unsteered ones (effect 0,
 * random@k). Attempts of a cell share one latent draw, so a cell succeeds exactly when its best
 * attempt's probability exceeds the draw: the planted effect counts when positive. Subtract two
 * arms' rates for the true difference a contrast should find.
 *
 * @example
 * simTrueSuccessRate(simTasks({ count: 100 }), 0.1) - simTrueSuccessRate(simTasks({ count: 100 }), 0); // => 0.1
 */
export function simTrueSuccessRate(tasks: ReadonlyArray<Task<SimInput>>, effect: number): number {
  if (tasks.length === 0) return Number.NaN;
  const total = tasks.reduce((sum, task) => sum + simSuccessProbability(task.input.baseRate, Math.max(0, effect)), 0);
  return total / tasks.length;
}
