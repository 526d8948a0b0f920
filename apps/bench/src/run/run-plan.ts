import { createHash } from 'node:crypto';
import { type LoadedStrategy, loadedStrategyKey, type RatchetConfig } from '@ratchet/config';
import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import { type Arm, defaultPrimaryContrast, type PrimaryContrast, type Task } from '@ratchet/runtime';

/** What a `ratchet run` will do, known before any cell runs (and printed by --dry-run). */
export interface RunPlan {
  readonly runId: string;
  readonly benchmark: string;
  readonly tasks: readonly Task[];
  readonly arms: ReadonlyArray<{ id: string; strategy: string; k: number; controller: string }>;
  readonly replicates: number;
  /** tasks × arms × replicates. */
  readonly cells: number;
  /** Every arm spending its full k on every cell; strategies that stop early use fewer. */
  readonly maxAttempts: number;
  readonly primaryContrast: PrimaryContrast;
}

/**
 * The fields that make a run what it is; concurrency, caps, retries and the store do not. A strategy
 * module or program counts by the hash of its source, so editing it makes a new run rather than
 * resuming the old.
 */
export function runIdentity(
  config: RatchetConfig,
  strategies: ReadonlyMap<string, LoadedStrategy> = new Map(),
): JsonValue {
  const {
    concurrency: _c,
    maxCost: _m,
    rateLimit: _r,
    retries: _t,
    store: _s,
    runId: _i,
    $schema: _x,
    ...rest
  } = config;
  const arms = rest.arms.map((arm) => {
    const module = strategies.get(loadedStrategyKey(arm));
    return module ? { ...arm, strategySha256: module.sha256 } : arm;
  });
  // `--seed 7` and `"seed": 7` are the same run.
  return JSON.parse(JSON.stringify({ ...rest, arms, seed: String(rest.seed) })) as JsonValue;
}

/** The run id: the config's (or --run-id), else `<benchmark>-<hash of the run's identity>` so a re-run resumes. */
export function runIdOf(
  config: RatchetConfig,
  benchmark: string,
  strategies: ReadonlyMap<string, LoadedStrategy> = new Map(),
): string {
  if (config.runId !== undefined) return config.runId;
  const hash = createHash('sha256')
    .update(canonicalJson(runIdentity(config, strategies)))
    .digest('hex')
    .slice(0, 10);
  // The benchmark's first word: `sim (calibration simulator — …)` gives `sim`.
  const slug = (benchmark.split(/[\s(]/)[0] ?? '').replace(/[^\w.-]+/g, '-').slice(0, 32);
  return `${slug || 'run'}-${hash}`;
}

export function planRun(
  config: RatchetConfig,
  options: {
    benchmark: string;
    tasks: readonly Task[];
    arms: readonly Arm[];
    strategies?: ReadonlyMap<string, LoadedStrategy>;
  },
): RunPlan {
  const arms = options.arms.map((arm) => ({
    id: arm.id,
    strategy: arm.strategy.name,
    k: arm.k,
    controller: arm.controller.id,
  }));
  const perTask = config.replicates * arms.reduce((sum, arm) => sum + arm.k, 0);
  return {
    runId: runIdOf(config, options.benchmark, options.strategies),
    benchmark: options.benchmark,
    tasks: options.tasks,
    arms,
    replicates: config.replicates,
    cells: options.tasks.length * arms.length * config.replicates,
    maxAttempts: options.tasks.length * perTask,
    primaryContrast: config.primaryContrast ?? defaultPrimaryContrast(options.arms),
  };
}
