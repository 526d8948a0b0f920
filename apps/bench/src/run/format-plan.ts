import Table from 'cli-table3';
import pc from 'picocolors';
import type { SpendEstimate } from './estimate-spend';
import type { RunPlan } from './run-plan';

export interface PlanContext {
  store: string;
  preflight: string;
  builtInWorker: boolean;
  /** From earlier runs of this worker in the corpus; null when the corpus has none. */
  estimate: SpendEstimate | null;
  maxCost: number | null;
}

/** The --dry-run plan: arms, tasks, cells, the most attempts and what they may cost, the primary contrast. */
export function formatPlan(plan: RunPlan, context: PlanContext): string {
  const arms = new Table({
    head: ['arm', 'strategy', 'k', 'controller', 'cells', 'attempts (at most)'],
    style: { head: [], border: [] },
  });
  const cellsPerArm = plan.tasks.length * plan.replicates;
  for (const arm of plan.arms)
    arms.push([arm.id, arm.strategy, arm.k, arm.controller, cellsPerArm, cellsPerArm * arm.k]);
  const splits = [...new Set(plan.tasks.map((task) => task.split))].join(', ');
  const shownTasks = plan.tasks.slice(0, 8).map((task) => task.id);
  const more = plan.tasks.length > shownTasks.length ? `, … (${plan.tasks.length - shownTasks.length} more)` : '';
  const contrast = plan.primaryContrast;
  return [
    pc.bold(`Plan for run ${plan.runId} (dry run: nothing runs, nothing is recorded)`),
    `benchmark   ${plan.benchmark}`,
    `tasks       ${plan.tasks.length} (${splits}): ${shownTasks.join(', ')}${more}`,
    `replicates  ${plan.replicates}`,
    arms.toString(),
    `cells       ${plan.cells}`,
    `attempts    at most ${plan.maxAttempts} (strategies that stop early use fewer)`,
    `cost        ${costLine(plan, context)}`,
    `primary     ${contrast.name} = ${contrast.candidate} − ${contrast.baseline} (pre-registered)`,
    `store       ${context.store}`,
    `preflight   ${context.preflight}`,
  ].join('\n');
}

function costLine(plan: RunPlan, context: PlanContext): string {
  const cap = context.maxCost === null ? 'no spend cap (set maxCost or --max-cost)' : `capped at $${context.maxCost}`;
  if (context.builtInWorker) return 'no money: the built-in solver runs on this machine';
  const perAttempt = context.estimate?.usdPerAttempt ?? null;
  if (perAttempt === null || context.estimate === null) {
    return `unknown: no priced attempt by this worker in the corpus yet; ${cap}`;
  }
  const most = perAttempt * plan.maxAttempts;
  return `at most ~$${most.toFixed(2)} ($${perAttempt.toFixed(4)} per attempt, the mean of ${context.estimate.attempts} earlier attempts by this worker); ${cap}`;
}
