import type { CellRecord } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import { createRng, type PromotionDecision, type Seed, type SequentialSettings } from '@ratchet/stats';
import { OptimizerError } from '../optimizer-error';

/** The sequential gate's settings, fixed before the first holdout rollout. */
export interface SequentialGateSettings {
  /** The cap: most holdout items spent (the holdout's size when smaller). */
  readonly maxItems: number;
  /** The smallest lift above the threshold worth promoting: below it, the gate stops for futility. */
  readonly minEffect: number;
  /** Holdout items evaluated per batch, default 5: the gate looks after each batch, so it overshoots by less than one. */
  readonly batchSize?: number | undefined;
}

export interface SequentialGateRun {
  readonly settings: SequentialGateSettings;
  readonly tasks: readonly Task[];
  readonly seed: Seed;
  readonly replicates: number;
  /** The ledger entry's id: the first batch's run id, and the prefix of the others'. */
  readonly ledgerId: string;
  /** Runs both controllers on the tasks under the run id, and returns that run's cells. */
  readonly evaluate: (tasks: readonly Task[], runId: string) => Promise<readonly CellRecord[]>;
  readonly decide: (
    taskIds: readonly string[],
    cells: readonly CellRecord[],
    sequential: SequentialSettings,
  ) => PromotionDecision;
}

/** The default batch: small enough to stop near where the evidence is, large enough to keep workers busy. */
export const defaultBatchSize = 5;

/**
 * The holdout's order, committed before any rollout: a seeded Fisher–Yates shuffle of the task ids
 * sorted, so it depends only on the seed and the holdout, not on how the tasks were listed.
 */
export function committedOrder(tasks: readonly Task[], seed: Seed): Task[] {
  const order = [...tasks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rng = createRng(seed).fork('gate-order');
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j] as Task, order[i] as Task];
  }
  return order;
}

/**
 * Evaluates the holdout in batches along the committed order, each batch a run of its own (the first
 * under the ledger entry's id, the next ones `<id>-batch-<k>`), and after each batch asks
 * `decidePromotion` with `sequential` for the items so far; stops when it reports a stop (evidence,
 * futility or the cap). Rerun after an interruption, finished batches are not repeated and the same
 * decisions are taken on them, so it resumes where it stopped.
 */
export async function sequentialDecision(
  run: SequentialGateRun,
): Promise<{ decision: PromotionDecision; runIds: string[]; itemsEvaluated: number }> {
  const order = committedOrder(run.tasks, run.seed);
  const cap = Math.min(run.settings.maxItems, order.length);
  const size = run.settings.batchSize ?? defaultBatchSize;
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new OptimizerError(`gate: sequential.batchSize must be a whole number ≥ 1, received ${size}`);
  }
  const settings: SequentialSettings = {
    maxItems: cap,
    minEffect: run.settings.minEffect,
    // Replicates are averaged per task, so more than one gives graded outcomes from the first batch on.
    outcomes: run.replicates > 1 ? 'graded' : 'pass-fail',
  };
  const cells: CellRecord[] = [];
  const runIds: string[] = [];
  for (let start = 0; ; start += size) {
    const batch = order.slice(start, Math.min(start + size, cap));
    const runId = runIds.length === 0 ? run.ledgerId : `${run.ledgerId}-batch-${runIds.length + 1}`;
    cells.push(...(await run.evaluate(batch, runId)));
    runIds.push(runId);
    const evaluated = order.slice(0, start + batch.length).map((task) => task.id);
    const decision = run.decide(evaluated, cells, settings);
    if (decision.sequential?.stoppedBy !== null) return { decision, runIds, itemsEvaluated: evaluated.length };
  }
}
