import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue, type RunManifest } from '@ratchet/corpus';
import { RuntimeError } from '../contracts/runtime-error';
import type { Task } from '../contracts/task';
import { assertSplitsDisjoint } from './assert-splits-disjoint';
import { failedCellsOf, type PlannedCell } from './cells-to-run';
import { defaultPrimaryContrast, type PrimaryContrast } from './primary-contrast';
import type { Arm, RunBenchmarkOptions } from './run-benchmark-options';

/**
 * A run known before any cell runs: its id, its identity (config and hash) and every planned cell.
 * The same options give the same plan on any machine, which is what lets a worker elsewhere run one
 * of its cells and check it is running the run the coordinator planned (same `configHash`).
 */
export interface BenchmarkPlan {
  readonly runId: string;
  readonly benchmark: string;
  readonly seed: string;
  readonly arms: readonly Arm[];
  readonly tasks: readonly Task[];
  readonly cells: ReadonlyArray<PlannedCell<Arm>>;
  readonly config: JsonValue;
  readonly configHash: string;
  readonly primaryContrast: PrimaryContrast;
  /** The run whose failed cells this one retries (`retryFailedOf`). */
  readonly retryOf: string | undefined;
}

/**
 * Plans a run: validates the arms, refuses tasks whose ids cross splits, and derives the run's config,
 * hash and id. Writes nothing; reads the corpus only for a retry of failed cells.
 *
 * @throws {SplitOverlapError} when a task id appears in two splits.
 * @throws {RuntimeError} for no arms, duplicate arm ids, no tasks, or a retry into its own run.
 */
export async function planBenchmark(options: RunBenchmarkOptions): Promise<BenchmarkPlan> {
  const arms = validateArms(options.arms);
  const tasks = options.tasks ?? (await options.environment.tasks(options.split ?? 'train'));
  if (tasks.length === 0) throw new RuntimeError('runBenchmark: there are no tasks to run');
  assertSplitsDisjoint(options.environment.id, tasks, await options.environment.tasks());
  const replicates = options.replicates ?? 1;
  const seed = String(options.seed ?? 0);
  const planned = tasks.flatMap((task) =>
    Array.from({ length: replicates }, (_, replicate) => arms.map((arm) => ({ task, replicate, arm }))).flat(),
  );
  if (options.retry !== undefined && options.retryFailedOf !== undefined) {
    throw new RuntimeError('runBenchmark: retry infra cells, or retry failed cells into a new run, not both at once');
  }
  const retryOf = options.retryFailedOf;
  const cells = retryOf === undefined ? planned : await failedCellsOf(options.corpus, retryOf, planned);
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
            selected: cells.map((cell) => `${cell.arm.id}/${cell.task.id}/${cell.replicate}`),
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
  return {
    runId,
    benchmark: options.benchmark ?? options.environment.id,
    seed,
    arms,
    tasks,
    cells,
    config,
    configHash,
    primaryContrast: options.primaryContrast ?? defaultPrimaryContrast(arms),
    retryOf,
  };
}

/** The manifest a planned run starts with: running, with the pre-registered primary contrast and its cell count. */
export function manifestOf(plan: BenchmarkPlan, options: RunBenchmarkOptions, startedAt: Date): RunManifest {
  return {
    kind: 'manifest',
    schemaVersion: 2,
    runId: plan.runId,
    benchmark: plan.benchmark,
    config: plan.config,
    configHash: plan.configHash,
    arms: plan.arms.map((arm) => ({
      armId: arm.id,
      strategy: arm.strategy.name,
      k: arm.k,
      controller: { id: arm.controller.id, hash: arm.controller.hash },
    })),
    primaryContrast: plan.primaryContrast,
    seed: plan.seed,
    splits: [...new Set(plan.tasks.map((task) => task.split))],
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
    plannedCells: plan.cells.length,
    startedAt: startedAt.toISOString(),
    endedAt: null,
    status: 'running',
    stopReason: null,
    ...(options.resumeCommand ? { resumeCommand: options.resumeCommand } : {}),
    ...(options.commitSha ? { commitSha: options.commitSha } : {}),
    ...(plan.retryOf === undefined
      ? {}
      : { retryOf: { runId: plan.retryOf, cells: 'failed' as const, selected: plan.cells.length } }),
  };
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
