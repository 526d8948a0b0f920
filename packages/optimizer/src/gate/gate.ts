import type { CellRecord, Corpus, GateRecord, JsonValue } from '@ratchet/corpus';
import { type Controller, runBenchmark, SplitOverlapError, type Task } from '@ratchet/runtime';
import { decidePromotion, type PromotionDecision, type Seed, type SequentialSettings } from '@ratchet/stats';
import { OptimizerError } from '../optimizer-error';
import type { CandidatePlan, SearchFamily } from '../search-family';
import { assertHoldoutUnspent, type Holdout, holdoutDigest, ledgerEntryId } from './holdout-ledger';
import { defaultBatchSize, type SequentialGateSettings, sequentialDecision } from './sequential-decision';

/** Raised before any rollout when the candidate is the incumbent itself (same controller hash). */
export class IdenticalChampionError extends OptimizerError {
  constructor(hash: string) {
    super(
      `the candidate has the incumbent's hash (${hash}): there is nothing to decide, and no holdout item was spent`,
    );
  }
}

/** Raised when the gate's run stops before every holdout cell is recorded (a signal, an infra pause). */
export class GateInterruptedError extends OptimizerError {}

export interface GateOptions {
  readonly corpus: Corpus;
  readonly family: SearchFamily;
  readonly benchmark: string;
  readonly plan: CandidatePlan;
  readonly incumbent: Controller;
  readonly candidate: Controller;
  readonly holdout: Holdout;
  /** Task ids the candidate was searched on (train and val): the holdout must share none. */
  readonly searchedOn?: readonly string[];
  readonly optimizationId?: string | null;
  readonly seed: Seed;
  readonly replicates?: number;
  /** Passed to `decidePromotion`: confidence (0.95), the lift the lower bound must exceed (0), the evidence floor. */
  readonly confidence?: number;
  readonly threshold?: number;
  readonly minPairs?: number;
  /**
   * Decide sequentially: holdout items in a seeded random order committed before the first rollout, in
   * batches, stopping at evidence, futility or the cap (`decidePromotion`'s `sequential`). Absent: every
   * holdout item is evaluated and the fixed-n decision is taken.
   */
  readonly sequential?: SequentialGateSettings;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly now?: () => Date;
  readonly config?: JsonValue;
}

export interface GateOutcome {
  readonly decision: PromotionDecision;
  readonly record: GateRecord;
  /** The holdout run (the sequential gate's first batch). */
  readonly runId: string;
  /** Every run the decision spent holdout cells in: one, or one per batch of the sequential gate. */
  readonly runIds: readonly string[];
}

/**
 * The gate: decides once, on a frozen holdout, whether `candidate` replaces `incumbent`, and writes the
 * decision into the holdout ledger. This is the one place holdout verdicts are read (docs/design.md rule 1).
 * Refused before any rollout: a candidate equal to the incumbent; a holdout already spent for this
 * incumbent (naming the earlier decision); holdout tasks that are not on the holdout split, that the
 * search ran on, or that any train or val cell of this benchmark in the corpus used (rule 6, across
 * runs). Both controllers run on every holdout task in one run (resumable: its id is the ledger entry's);
 * a candidate cell that failed to run (infra) loses that item, an incumbent one excludes the pair.
 *
 * @throws {IdenticalChampionError}, {HoldoutSpentError}, {SplitOverlapError}, {GateInterruptedError}
 */
export async function gate(options: GateOptions): Promise<GateOutcome> {
  const { corpus, benchmark, incumbent, candidate, holdout } = options;
  if (candidate.hash === incumbent.hash) throw new IdenticalChampionError(candidate.hash);
  if (holdout.tasks.length === 0) throw new OptimizerError(`gate: the holdout "${holdout.key}" has no tasks`);
  await assertHoldoutDisjoint(corpus, benchmark, holdout, options.searchedOn ?? []);
  await assertHoldoutUnspent(corpus, benchmark, holdout.key, incumbent.hash);

  const ledgerId = ledgerEntryId(benchmark, holdout.key, incumbent.hash);
  const decide = (
    taskIds: readonly string[],
    cells: readonly CellRecord[],
    sequential?: { sequential: SequentialSettings },
  ) =>
    decidePromotion({
      incumbent: outcomesOf(cells, incumbent.hash, taskIds),
      candidate: outcomesOf(cells, candidate.hash, taskIds),
      taskIds,
      seed: options.seed,
      incumbentHash: incumbent.hash,
      candidateHash: candidate.hash,
      ...(options.confidence === undefined ? {} : { confidence: options.confidence }),
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
      ...(options.minPairs === undefined ? {} : { minPairs: options.minPairs }),
      ...sequential,
    });
  const evaluate = async (tasks: readonly Task[], runId: string) => {
    await holdoutRun(options, tasks, runId);
    return options.corpus.cells({ runId });
  };
  const { decision, runIds, itemsEvaluated } =
    options.sequential === undefined
      ? {
          decision: decide(
            holdout.tasks.map((task) => task.id),
            await evaluate(holdout.tasks, ledgerId),
          ),
          runIds: [ledgerId],
          itemsEvaluated: holdout.tasks.length,
        }
      : await sequentialDecision({
          settings: options.sequential,
          tasks: holdout.tasks,
          seed: options.seed,
          replicates: options.replicates ?? 1,
          ledgerId,
          evaluate,
          decide: (taskIds, cells, sequential) => decide(taskIds, cells, { sequential }),
        });
  const runId = runIds[0] as string;
  const record: GateRecord = {
    kind: 'gate',
    schemaVersion: 2,
    recordId: ledgerId,
    benchmark,
    holdoutKey: holdout.key,
    holdoutDigest: holdoutDigest(holdout.tasks),
    holdoutTasks: holdout.tasks.length,
    incumbent: { id: incumbent.id, hash: incumbent.hash },
    candidate: { id: candidate.id, hash: candidate.hash },
    optimizationId: options.optimizationId ?? null,
    runId,
    promoted: decision.promoted,
    reason: decision.reason,
    decision: JSON.parse(JSON.stringify(decision)) as JsonValue,
    ...(decision.sequential === undefined
      ? {}
      : {
          itemsSpent: decision.sequential.itemsSpent,
          itemsEvaluated,
          ...(decision.sequential.stoppedBy === null ? {} : { stoppedBy: decision.sequential.stoppedBy }),
          runIds: [...runIds],
        }),
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
  };
  // The ledger: a concurrent second decision under the same entry is refused by the store as a conflict.
  await corpus.appendOptimizerRecords([record]);
  return { decision, record, runId, runIds };
}

/**
 * Runs both controllers on `tasks` in one run under `runId` (resumable: a finished cell is never repeated).
 *
 * @throws {GateInterruptedError} when the run stops before every cell is recorded.
 */
async function holdoutRun(options: GateOptions, tasks: readonly Task[], runId: string): Promise<void> {
  const { incumbent, candidate, holdout } = options;
  const summary = await runBenchmark({
    ...options.family,
    corpus: options.corpus,
    arms: [
      { id: incumbent.hash, ...options.plan(incumbent) },
      { id: candidate.hash, ...options.plan(candidate) },
    ],
    tasks,
    runId,
    benchmark: options.benchmark,
    replicates: options.replicates ?? 1,
    seed: String(options.seed),
    primaryContrast: { name: 'promotion', baseline: incumbent.hash, candidate: candidate.hash },
    oracle: false,
    config: {
      gate: {
        holdoutKey: holdout.key,
        optimizationId: options.optimizationId ?? null,
        ...(options.sequential === undefined
          ? {}
          : {
              sequential: {
                maxItems: options.sequential.maxItems,
                minEffect: options.sequential.minEffect,
                batchSize: options.sequential.batchSize ?? defaultBatchSize,
              },
            }),
      },
      user: options.config ?? null,
    },
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (summary.stopReason !== 'completed') {
    throw new GateInterruptedError(
      `the gate's holdout run ${runId} stopped before every cell was recorded (${summary.stopReason}${summary.stopDetail ? `: ${summary.stopDetail}` : ''}); nothing was decided and the holdout is not spent. Run the same gate again to resume it`,
    );
  }
}

/** Pass/fail per task, replicates averaged; null where every cell of the arm failed to run (infra). */
function outcomesOf(
  cells: readonly CellRecord[],
  armId: string,
  taskIds: readonly string[],
): Map<string, number | null> {
  const outcomes = new Map<string, number | null>();
  for (const taskId of taskIds) {
    const scored = cells
      .filter((cell) => cell.armId === armId && cell.taskId === taskId && cell.status === 'ok' && cell.verdict !== null)
      .map((cell) => (cell.verdict?.resolved ? 1 : 0));
    outcomes.set(
      taskId,
      scored.length === 0 ? null : scored.reduce<number>((sum, value) => sum + value, 0) / scored.length,
    );
  }
  return outcomes;
}

/**
 * Rule 6 across runs: every holdout task is on the holdout split, was not searched on, and appears in no
 * train or val cell of this benchmark anywhere in the corpus.
 *
 * @throws {SplitOverlapError}
 */
export async function assertHoldoutDisjoint(
  corpus: Corpus,
  benchmark: string,
  holdout: Holdout,
  searchedOn: readonly string[],
): Promise<void> {
  const overlaps: Array<{ taskId: string; splits: string[] }> = [];
  const searched = new Set(searchedOn);
  const ids = new Set(holdout.tasks.map((task) => task.id));
  for (const task of holdout.tasks) {
    if (task.split !== 'holdout') overlaps.push({ taskId: task.id, splits: ['holdout (by the gate)', task.split] });
    else if (searched.has(task.id)) overlaps.push({ taskId: task.id, splits: ['holdout', 'searched (train/val)'] });
  }
  for await (const cell of corpus.iterateCells({ benchmark })) {
    if (cell.split !== 'holdout' && ids.has(cell.taskId)) {
      overlaps.push({ taskId: cell.taskId, splits: ['holdout', `${cell.split} (run ${cell.runId})`] });
      ids.delete(cell.taskId);
    }
  }
  if (overlaps.length > 0) throw new SplitOverlapError(`the holdout "${holdout.key}" of ${benchmark}`, overlaps);
}
