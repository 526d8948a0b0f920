import {
  type BuiltRun,
  buildRun,
  ConfigError,
  type LoadedStrategy,
  loadStrategyModules,
  type RatchetConfig,
} from '@ratchet/config';
import type { Corpus } from '@ratchet/corpus';
import type { RunBenchmarkOptions, RunProgress, Task, Worker } from '@ratchet/runtime';
import { planRun, type RunPlan, runIdentity } from './run-plan';
import { selectTasks } from './select-tasks';

/** A config built into a run: everything `runBenchmark` needs but the corpus, the worker and the signal. */
export interface BenchmarkSetup {
  readonly built: BuiltRun;
  readonly tasks: readonly Task[];
  readonly plan: RunPlan;
  /** `runBenchmark`'s options for this config: what a local run, a coordinator and a worker all derive the run from. */
  options(input: BenchmarkOptionsInput): RunBenchmarkOptions;
  close(): Promise<void>;
}

export interface BenchmarkOptionsInput {
  corpus: Corpus;
  worker: Worker;
  signal: AbortSignal;
  /** The run id: the plan's, or a retry of failures' new run. */
  runId: string;
  /** A retry of the failed cells of this run (into `runId`). */
  retryFailedOf?: string;
  /** Re-run the run's infra cells as new tries. */
  retryInfra?: boolean;
  resumeCommand?: string;
  onProgress?: (progress: RunProgress) => void;
}

/**
 * Builds the run a config names (strategy modules from `configDir`), takes its tasks, and plans it.
 * The caller closes it.
 *
 * @throws {ConfigError} when the config's split has no tasks.
 */
export async function benchmarkSetup(
  config: RatchetConfig,
  where: { source: string; configDir: string },
): Promise<BenchmarkSetup> {
  const strategies = await loadStrategyModules(config, where.configDir, where.source);
  const built = buildRun(config, { strategies });
  try {
    const tasks = selectTasks(await built.environment.tasks(config.split), config);
    if (tasks.length === 0) {
      throw new ConfigError(where.source, [
        { field: 'split', message: `the ${config.split} split of ${built.environment.id} has no tasks` },
      ]);
    }
    const benchmark = config.benchmark ?? built.environment.id;
    const plan = planRun(config, { benchmark, tasks, arms: built.arms, strategies });
    return {
      built,
      tasks,
      plan,
      options: (input) => benchmarkOptions(config, strategies, { built, tasks, plan }, input),
      close: () => built.close(),
    };
  } catch (error) {
    await built.close();
    throw error;
  }
}

function benchmarkOptions(
  config: RatchetConfig,
  strategies: ReadonlyMap<string, LoadedStrategy>,
  setup: { built: BuiltRun; tasks: readonly Task[]; plan: RunPlan },
  input: BenchmarkOptionsInput,
): RunBenchmarkOptions {
  const { built, plan } = setup;
  return {
    environment: built.environment,
    worker: input.worker,
    judge: built.judge,
    analyst: built.createAnalyst(),
    arms: built.arms,
    tasks: setup.tasks,
    corpus: input.corpus,
    runId: input.runId,
    ...(input.retryInfra ? { retry: 'infra' as const } : {}),
    ...(input.retryFailedOf === undefined ? {} : { retryFailedOf: input.retryFailedOf }),
    benchmark: plan.benchmark,
    replicates: config.replicates,
    concurrency: config.concurrency,
    // A retry of failures draws fresh randomness: replaying the seeds that failed would only replay the failures.
    seed: input.retryFailedOf === undefined ? config.seed : `${config.seed}/retry-failed`,
    retries: config.retries,
    oracle: config.oracle,
    primaryContrast: plan.primaryContrast,
    config: runIdentity(config, strategies),
    ...(input.resumeCommand === undefined ? {} : { resumeCommand: input.resumeCommand }),
    ...(config.maxCost === undefined ? {} : { maxUsd: config.maxCost }),
    ...(config.rateLimit
      ? { rateLimit: { attempts: config.rateLimit.attempts, perMs: config.rateLimit.perSeconds * 1000 } }
      : {}),
    signal: input.signal,
    ...(input.onProgress === undefined ? {} : { onProgress: input.onProgress }),
  };
}
