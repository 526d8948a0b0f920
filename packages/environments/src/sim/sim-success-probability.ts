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

/**
 * The true success rate, over `tasks`, of a refine@k cell whose attempts after the first follow
 * `actions` (`refine`: continue from the last attempt; `fanout`: start fresh), when the sim worker runs
 * with `continuation` c. Attempt j's depth is 0 when it starts fresh and one more than attempt j − 1's
 * when it continues; it succeeds with probability clamp(baseRate + e + c × depth) (e: `effect` for the
 * steered attempts after the first, 0 for the first), independently of the others, and the cell
 * succeeds when any attempt does (the sim's check is perfect): 1 − Π (1 − pⱼ), averaged over tasks.
 *
 * @example
 * // one task of base rate 0.5, continuation 0.2, k = 3
 * simTopologySuccessRate(tasks, { continuation: 0.2, actions: ['refine', 'refine'] }); // => 1 − 0.5 × 0.3 × 0.1 = 0.985
 * simTopologySuccessRate(tasks, { continuation: 0.2, actions: ['fanout', 'fanout'] }); // => 1 − 0.5³ = 0.875
 */
export function simTopologySuccessRate(
  tasks: ReadonlyArray<Task<SimInput>>,
  options: {
    readonly continuation: number;
    readonly actions: ReadonlyArray<'refine' | 'fanout'>;
    readonly effect?: number;
  },
): number {
  if (tasks.length === 0) return Number.NaN;
  const effect = options.effect ?? 0;
  const total = tasks.reduce((sum, task) => {
    let depth = 0;
    let allFail = 1 - simSuccessProbability(task.input.baseRate, 0);
    for (const action of options.actions) {
      depth = action === 'refine' ? depth + 1 : 0;
      allFail *= 1 - simSuccessProbability(task.input.baseRate, effect + options.continuation * depth);
    }
    return sum + (1 - allFail);
  }, 0);
  return total / tasks.length;
}
