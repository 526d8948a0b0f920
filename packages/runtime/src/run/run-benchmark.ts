import { createHash } from 'node:crypto';
import {
  type CellRecord,
  type Corpus,
  canonicalJson,
  type JsonValue,
  type RunRecord,
  type Split,
} from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import pLimit from 'p-limit';
import { ruleAnalyst } from '../analysts/rule-analyst';
import type { Analyst } from '../contracts/analyst';
import type { Environment } from '../contracts/environment';
import { RuntimeError } from '../contracts/runtime-error';
import type { Task } from '../contracts/task';
import { UnenforceableCapError } from '../contracts/unenforceable-cap-error';
import type { Worker } from '../contracts/worker';
import { RecordWriter } from '../harness/record-writer';
import { RunInfraPause } from '../harness/retry';
import { runCell } from '../harness/run-cell';
import type { StrategyPlan } from '../strategies/strategy';
import { assertSplitsDisjoint } from './assert-splits-disjoint';
import { cellsToRun, failedCellsOf } from './cells-to-run';
import { defaultPrimaryContrast, type PrimaryContrast } from './primary-contrast';
import { rateLimited } from './rate-limited';
import { startManifest } from './start-manifest';
import { type RunSummary, type StopReason, summarizeRun } from './summarize-run';

/** One arm: a strategy with its k and controller, under a name. */
export interface Arm extends StrategyPlan {
  readonly id: string;
}

export interface RunProgress {
  cellsDone: number;
  cellsTotal: number;
  /** Cells finished before this invocation (a resumed run). */
  cellsSkipped: number;
  lastCell: CellRecord;
  /** The last cell's attempts (before judging: no verdicts), e.g. to notice agents failing the same way. */
  lastAttempts: readonly RunRecord[];
  /** Measured dollars spent by this invocation's cells; null once any cell's cost was not measured. */
  usdSpent: number | null;
}

export interface RunBenchmarkOptions {
  environment: Environment;
  worker: Worker;
  judge: Judge;
  arms: readonly Arm[];
  /** The tasks to run; or `split` to take them from the environment (default 'train'). */
  tasks?: readonly Task[];
  split?: Split;
  corpus: Corpus;
  /** Reuse an id to resume: finished cells are skipped, none is repeated. */
  runId?: string;
  /**
   * `'infra'`: also re-run the run's infra cells, each as a new try whose record keeps the old cell
   * whole (`supersedes`); the old attempts stay and count as spend. Cells with an outcome are never re-run.
   */
  retry?: 'infra';
  /**
   * Re-run only the failed cells (`isFailedCell`) of this earlier run, into this run — which must be a
   * new one: the original stays as it was. The manifest says so (`retryOf`), and no contrast is
   * measured: cells chosen for failing say nothing about an arm's rate.
   */
  retryFailedOf?: string;
  benchmark?: string;
  replicates?: number;
  concurrency?: number;
  seed?: number | string;
  /** Retries of a retryable infra error before the cell is marked `infra` (default 3). */
  retries?: number;
  backoffMs?: number;
  /** Named before any cell runs; default `steering = refine − continue` (else `refine − random`) at the same k. */
  primaryContrast?: PrimaryContrast;
  analyst?: Analyst;
  /** At most this many attempts start per `perMs` milliseconds, across the run (a provider's rate limit). */
  rateLimit?: { attempts: number; perMs: number };
  /** Stop scheduling cells once this many dollars are spent; refused (`UnenforceableCapError`) once a cost is not measured. */
  maxUsd?: number;
  /** Judge every attempt too, for the oracle upper bound (default true). */
  oracle?: boolean;
  /** Spend differences from the control beyond this share are flagged (default 0.1). */
  equalComputeTolerance?: number;
  /** Anything else that defines the run, recorded in the manifest and its hash. */
  config?: JsonValue;
  commitSha?: string;
  /** The command that resumes this run, recorded so a report of an unfinished run can say it. */
  resumeCommand?: string;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  now?: () => Date;
}

export type { StopReason } from './summarize-run';

/**
 * Runs every arm on every task (× replicates) and records it all in the corpus as it happens: a
 * manifest with the pre-registered primary contrast and the planned cell count first, then one attempt
 * record per attempt and one cell record per cell. Refuses tasks whose ids cross splits. Resumable by
 * run id; a signal or the spend cap stops it without losing records, and the manifest says why. An
 * infra failure that would hit every cell (`InfraError` with `scope: 'run'`) pauses it the same way
 * (`stopReason: 'infra'`, the failure in `stopDetail`), with no cell marked infra for it.
 * Returns per-arm outcomes and spend, equal-compute checks, and the BH-corrected contrasts.
 *
 * @throws {SplitOverlapError} when a task id appears in two splits.
 * @throws {UnenforceableCapError} when a cap is set on a figure that is not measured.
 * @throws {InvalidSteerError} when a controller builds a steer its worker refuses.
 */
export async function runBenchmark(options: RunBenchmarkOptions): Promise<RunSummary> {
  const arms = validateArms(options.arms);
  const tasks = options.tasks ?? (await options.environment.tasks(options.split ?? 'train'));
  if (tasks.length === 0) throw new RuntimeError('runBenchmark: there are no tasks to run');
  assertSplitsDisjoint(options.environment.id, tasks, await options.environment.tasks());
  const replicates = options.replicates ?? 1;
  const seed = String(options.seed ?? 0);
  const benchmark = options.benchmark ?? options.environment.id;
  const contrast = options.primaryContrast ?? defaultPrimaryContrast(arms);
  const planned = tasks.flatMap((task) =>
    Array.from({ length: replicates }, (_, replicate) => arms.map((arm) => ({ task, replicate, arm }))).flat(),
  );
  if (options.retry !== undefined && options.retryFailedOf !== undefined) {
    throw new RuntimeError('runBenchmark: retry infra cells, or retry failed cells into a new run, not both at once');
  }
  const retryOf = options.retryFailedOf;
  const plan = retryOf === undefined ? planned : await failedCellsOf(options.corpus, retryOf, planned);
  const config: JsonValue = {
    environment: options.environment.id,
    worker: options.worker.id,
    judge: options.judge.id,
    arms: arms.map((arm) => ({
      id: arm.id,
      strategy: arm.strategy.name,
      k: arm.k,
      controller: arm.controller.hash,
      limits: arm.limits ? { ...arm.limits } : null,
    })),
    tasks: tasks.map((task) => task.id),
    replicates,
    seed,
    user: options.config ?? null,
    ...(retryOf === undefined
      ? {}
      : {
          retryOf: {
            runId: retryOf,
            cells: 'failed',
            selected: plan.map((cell) => `${cell.arm.id}/${cell.task.id}/${cell.replicate}`),
          },
        }),
  };
  const configHash = createHash('sha256').update(canonicalJson(config)).digest('hex').slice(0, 16);
  const runId = options.runId ?? `run-${configHash}`;
  if (retryOf === runId) {
    throw new RuntimeError(
      `runBenchmark: a retry of the failed cells of "${retryOf}" goes into a new run, never into the original; give another run id`,
    );
  }
  const now = options.now ?? (() => new Date());
  const manifest = await startManifest(options.corpus, {
    kind: 'manifest',
    schemaVersion: 2,
    runId,
    benchmark,
    config,
    configHash,
    arms: arms.map((arm) => ({
      armId: arm.id,
      strategy: arm.strategy.name,
      k: arm.k,
      controller: { id: arm.controller.id, hash: arm.controller.hash },
    })),
    primaryContrast: contrast,
    seed,
    splits: [...new Set(tasks.map((task) => task.split))],
    environment: {
      id: options.environment.id,
      ...(options.environment.version ? { version: options.environment.version } : {}),
    },
    worker: {
      id: options.worker.id,
      ...(options.worker.model ? { model: options.worker.model } : {}),
      ...(options.worker.version ? { version: options.worker.version } : {}),
      ...(options.worker.workUnit ? { workUnit: options.worker.workUnit } : {}),
    },
    plannedCells: plan.length,
    startedAt: now().toISOString(),
    endedAt: null,
    status: 'running',
    stopReason: null,
    ...(options.resumeCommand ? { resumeCommand: options.resumeCommand } : {}),
    ...(options.commitSha ? { commitSha: options.commitSha } : {}),
    ...(retryOf === undefined ? {} : { retryOf: { runId: retryOf, cells: 'failed' as const, selected: plan.length } }),
  });

  const { pending, skipped } = await cellsToRun(options.corpus, runId, plan, options.retry ?? null);
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const writer = new RecordWriter(options.corpus);
  const worker = options.rateLimit ? rateLimited(options.worker, options.rateLimit) : options.worker;
  const analyst = options.analyst ?? ruleAnalyst();
  const limit = pLimit(options.concurrency ?? 4);
  let stopReason: StopReason = 'completed';
  // The first error that must stop the run (a refused steer, a leak, a cap that cannot hold): no new cell starts.
  let fatal: unknown = null;
  // An infra failure that would hit every cell pauses the run: no new cell starts, and none is marked infra.
  let pausedFor: string | null = null;
  let usdSpent: number | null = 0;
  let done = 0;
  const runs = pending.map(({ task, replicate, arm, tryNumber, supersedes }) =>
    limit(async () => {
      if (signal.aborted || stopReason === 'spend-cap' || fatal !== null || pausedFor !== null) return;
      let outcome: Awaited<ReturnType<typeof runCell>>;
      try {
        outcome = await runCell(
          {
            runId,
            armId: arm.id,
            benchmark,
            task,
            replicate,
            plan: arm,
            seed: `${seed}/${arm.id}/${task.id}/${replicate}`,
            tryNumber,
            ...(supersedes === undefined ? {} : { supersedes }),
            configHash,
            ...(options.commitSha ? { commitSha: options.commitSha } : {}),
          },
          {
            environment: options.environment,
            worker,
            judge: options.judge,
            analyst,
            corpus: options.corpus,
            writer,
            retry: { retries: options.retries ?? 3, backoffMs: options.backoffMs ?? 500 },
            oracle: options.oracle ?? true,
            signal,
            now,
          },
        );
      } catch (error) {
        if (RunInfraPause.isPause(error)) {
          pausedFor ??= error.message;
          return;
        }
        if (!signal.aborted) fatal ??= error;
        throw error;
      }
      const { cell, attempts } = outcome;
      done++;
      usdSpent = usdSpent === null || cell.spend.usd === null ? null : usdSpent + cell.spend.usd;
      if (options.maxUsd !== undefined && !signal.aborted) {
        // A cap on dollars that were not measured cannot hold: stop rather than spend without a limit.
        if (usdSpent === null)
          fatal ??= new UnenforceableCapError({ cap: 'usd', scope: 'run', where: `cell ${cell.cellId}` });
        else if (usdSpent >= options.maxUsd) stopReason = 'spend-cap';
      }
      options.onProgress?.({
        cellsDone: done,
        cellsTotal: pending.length,
        cellsSkipped: skipped,
        lastCell: cell,
        lastAttempts: attempts,
        usdSpent,
      });
    }),
  );
  await Promise.allSettled(runs);
  await writer.drain();
  // Set inside the cells' callbacks, which the compiler does not follow.
  const paused = pausedFor as string | null;
  const stopDetail = paused === null ? null : paused.slice(0, 2000);
  if (paused !== null) stopReason = 'infra';
  if (signal.aborted) stopReason = 'signal';
  const failure = fatal;
  const status = failure !== null ? 'failed' : stopReason === 'completed' ? 'completed' : 'interrupted';
  const ended = {
    ...manifest,
    status,
    stopReason: failure !== null ? null : stopReason,
    ...(stopReason === 'infra' && failure === null && stopDetail !== null ? { stopDetail } : {}),
    endedAt: now().toISOString(),
  } as const;
  await options.corpus.putManifest(ended);
  if (failure !== null) throw failure;
  return summarizeRun(options.corpus, ended, {
    tolerance: options.equalComputeTolerance ?? 0.1,
    seed,
  });
}

function validateArms(arms: readonly Arm[]): readonly Arm[] {
  if (arms.length === 0) throw new RuntimeError('runBenchmark: give at least one arm');
  const ids = new Set<string>();
  for (const arm of arms) {
    if (ids.has(arm.id)) throw new RuntimeError(`runBenchmark: two arms are named "${arm.id}"; arm ids must be unique`);
    ids.add(arm.id);
  }
  return arms;
}
