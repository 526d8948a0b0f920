import { createHash } from 'node:crypto';
import type { CellRecord, Corpus, JsonValue, RunManifest, Split } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import pLimit from 'p-limit';
import pThrottle from 'p-throttle';
import { ruleAnalyst } from '../analysts/rule-analyst';
import type { Analyst } from '../contracts/analyst';
import { canonicalJson } from '../contracts/controller';
import type { Environment } from '../contracts/environment';
import { RuntimeError } from '../contracts/runtime-error';
import type { Task } from '../contracts/task';
import type { Worker } from '../contracts/worker';
import { RecordWriter } from '../harness/record-writer';
import { cellIdOf, runCell } from '../harness/run-cell';
import type { StrategyPlan } from '../strategies/strategy';
import { defaultPrimaryContrast, type PrimaryContrast } from './primary-contrast';
import { type RunSummary, summarizeRun } from './summarize-run';

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
  benchmark?: string;
  replicates?: number;
  concurrency?: number;
  seed?: number | string;
  /** Retries of a retryable infra error before the cell is marked `infra` (default 3). */
  retries?: number;
  backoffMs?: number;
  /** Named before any cell runs; default `steering = refine − random` at the same k. */
  primaryContrast?: PrimaryContrast;
  analyst?: Analyst;
  /** At most this many attempts start per `perMs` milliseconds, across the run (a provider's rate limit). */
  rateLimit?: { attempts: number; perMs: number };
  /** Stop scheduling cells once this many measured dollars are spent. */
  maxUsd?: number;
  /** Judge every attempt too, for the oracle upper bound (default true). */
  oracle?: boolean;
  /** Spend differences from the control beyond this share are flagged (default 0.1). */
  equalComputeTolerance?: number;
  /** Anything else that defines the run, recorded in the manifest and its hash. */
  config?: JsonValue;
  commitSha?: string;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  now?: () => Date;
}

export type StopReason = 'completed' | 'signal' | 'spend-cap';

/**
 * Runs every arm on every task (× replicates) and records it all in the corpus as it happens: a
 * manifest with the pre-registered primary contrast first, then one attempt record per attempt and one
 * cell record per cell. Resumable by run id; a signal or the spend cap stops it without losing records.
 * Returns per-arm outcomes and spend, equal-compute flags, and the BH-corrected contrasts.
 */
export async function runBenchmark(options: RunBenchmarkOptions): Promise<RunSummary> {
  const arms = validateArms(options.arms);
  const tasks = options.tasks ?? (await options.environment.tasks(options.split ?? 'train'));
  if (tasks.length === 0) throw new RuntimeError('runBenchmark: there are no tasks to run');
  const replicates = options.replicates ?? 1;
  const seed = String(options.seed ?? 0);
  const benchmark = options.benchmark ?? options.environment.id;
  const contrast = options.primaryContrast ?? defaultPrimaryContrast(arms);
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
  };
  const configHash = createHash('sha256').update(canonicalJson(config)).digest('hex').slice(0, 16);
  const runId = options.runId ?? `run-${configHash}`;
  const now = options.now ?? (() => new Date());
  const manifest = await startManifest(options.corpus, {
    kind: 'manifest',
    schemaVersion: 1,
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
    },
    startedAt: now().toISOString(),
    endedAt: null,
    status: 'running',
    ...(options.commitSha ? { commitSha: options.commitSha } : {}),
  });

  const finished = new Set((await options.corpus.cells({ runId })).map((cell) => cell.cellId));
  const tries = await earlierTries(options.corpus, runId);
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const writer = new RecordWriter(options.corpus);
  const worker = options.rateLimit ? rateLimited(options.worker, options.rateLimit) : options.worker;
  const limit = pLimit(options.concurrency ?? 4);
  let stopReason: StopReason = 'completed';
  let usdSpent: number | null = 0;
  let done = 0;
  const plan = tasks.flatMap((task) =>
    Array.from({ length: replicates }, (_, replicate) => arms.map((arm) => ({ task, replicate, arm }))).flat(),
  );
  const pending = plan.filter(({ task, replicate, arm }) => !finished.has(cellIdOf(runId, arm.id, task.id, replicate)));
  const skipped = plan.length - pending.length;

  const runs = pending.map(({ task, replicate, arm }) =>
    limit(async () => {
      if (signal.aborted || stopReason === 'spend-cap') return;
      const cellId = cellIdOf(runId, arm.id, task.id, replicate);
      const cell = await runCell(
        {
          runId,
          armId: arm.id,
          benchmark,
          task,
          replicate,
          plan: arm,
          seed: `${seed}/${arm.id}/${task.id}/${replicate}`,
          tryNumber: (tries.get(cellId) ?? -1) + 1,
          configHash,
          ...(options.commitSha ? { commitSha: options.commitSha } : {}),
        },
        {
          environment: options.environment,
          worker,
          judge: options.judge,
          analyst: options.analyst ?? ruleAnalyst(),
          corpus: options.corpus,
          writer,
          retry: { retries: options.retries ?? 3, backoffMs: options.backoffMs ?? 500 },
          oracle: options.oracle ?? true,
          signal,
          now,
        },
      );
      done++;
      usdSpent = usdSpent === null || cell.spend.usd === null ? null : usdSpent + cell.spend.usd;
      if (options.maxUsd !== undefined && usdSpent !== null && usdSpent >= options.maxUsd && !signal.aborted) {
        stopReason = 'spend-cap';
      }
      options.onProgress?.({
        cellsDone: done,
        cellsTotal: pending.length,
        cellsSkipped: skipped,
        lastCell: cell,
        usdSpent,
      });
    }),
  );
  const settled = await Promise.allSettled(runs);
  await writer.drain();
  if (signal.aborted) stopReason = 'signal';
  const failure = settled.find((result) => result.status === 'rejected' && !signal.aborted);
  const status = failure ? 'failed' : stopReason === 'completed' ? 'completed' : 'interrupted';
  await options.corpus.putManifest({
    ...manifest,
    status,
    endedAt: now().toISOString(),
    notes: `stopReason=${stopReason}`,
  });
  if (failure && failure.status === 'rejected') throw failure.reason;
  return summarizeRun(
    options.corpus,
    { ...manifest, status },
    {
      stopReason,
      tolerance: options.equalComputeTolerance ?? 0.1,
      seed,
    },
  );
}

/** The same worker, with attempt starts spaced to the rate limit (p-throttle). */
function rateLimited(worker: Worker, limit: { attempts: number; perMs: number }): Worker {
  const throttle = pThrottle({ limit: limit.attempts, interval: limit.perMs });
  return { ...worker, id: worker.id, attempt: throttle((input, signal) => worker.attempt(input, signal)) };
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

/** Writes the manifest, or checks a resumed run's manifest is the same run (same configuration). */
async function startManifest(corpus: Corpus, manifest: RunManifest): Promise<RunManifest> {
  const existing = await corpus.manifest(manifest.runId);
  if (!existing) {
    await corpus.putManifest(manifest);
    return manifest;
  }
  if (existing.configHash !== manifest.configHash) {
    throw new RuntimeError(
      `run "${manifest.runId}" was started with another configuration (config hash ${existing.configHash}, now ${manifest.configHash}); resume it with the same arms, tasks, seed and replicates, or use a new run id`,
    );
  }
  const resumed: RunManifest = { ...existing, status: 'running', endedAt: null };
  await corpus.putManifest(resumed);
  return resumed;
}

/** For each cell, the highest try number among attempts already recorded (from runs that were killed). */
async function earlierTries(corpus: Corpus, runId: string): Promise<Map<string, number>> {
  const tries = new Map<string, number>();
  for (const recordId of await corpus.recordIds({ runId })) {
    const match = /^(.*)\/t(\d+)\/a\d+$/.exec(recordId);
    if (!match) continue;
    const [, cellId, tryText] = match as unknown as [string, string, string];
    tries.set(cellId, Math.max(tries.get(cellId) ?? 0, Number(tryText)));
  }
  return tries;
}
