import { createHash } from 'node:crypto';
import type { JsonValue } from '@ratchet/corpus';
import { type Arm, canonicalJson, defaultPrimaryContrast, type PrimaryContrast, type Task } from '@ratchet/runtime';
import type { RatchetConfig } from '../config/ratchet-config';

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

/** The fields that make a run what it is; concurrency, caps, retries and the store do not. */
export function runIdentity(config: RatchetConfig): JsonValue {
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
  // `--seed 7` and `"seed": 7` are the same run.
  return JSON.parse(JSON.stringify({ ...rest, seed: String(rest.seed) })) as JsonValue;
}

/** The run id: the config's (or --run-id), else `<benchmark>-<hash of the run's identity>` so a re-run resumes. */
export function runIdOf(config: RatchetConfig, benchmark: string): string {
  if (config.runId !== undefined) return config.runId;
  const hash = createHash('sha256')
    .update(canonicalJson(runIdentity(config)))
    .digest('hex')
    .slice(0, 10);
  // The benchmark's first word: `sim (calibration simulator — …)` gives `sim`.
  const slug = (benchmark.split(/[\s(]/)[0] ?? '').replace(/[^\w.-]+/g, '-').slice(0, 32);
  return `${slug || 'run'}-${hash}`;
}

export function planRun(
  config: RatchetConfig,
  options: { benchmark: string; tasks: readonly Task[]; arms: readonly Arm[] },
): RunPlan {
  const arms = options.arms.map((arm) => ({
    id: arm.id,
    strategy: arm.strategy.name,
    k: arm.k,
    controller: arm.controller.id,
  }));
  const perTask = config.replicates * arms.reduce((sum, arm) => sum + arm.k, 0);
  return {
    runId: runIdOf(config, options.benchmark),
    benchmark: options.benchmark,
    tasks: options.tasks,
    arms,
    replicates: config.replicates,
    cells: options.tasks.length * arms.length * config.replicates,
    maxAttempts: options.tasks.length * perTask,
    primaryContrast: config.primaryContrast ?? defaultPrimaryContrast(options.arms),
  };
}
