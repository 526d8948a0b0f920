import type { Judge } from '@ratchet/judges';
import type { Environment, Worker } from '@ratchet/runtime';
import { simEnvironment } from './sim-environment';
import { simJudge } from './sim-judge';
import type { SimInput } from './sim-tasks';
import { simWorker } from './sim-worker';

export interface SimBenchmarkOptions {
  /** Tasks per split. */
  count: number;
  seed?: number | string;
  /** Planted effects per arm key (see `simArmOf`). */
  effects?: Record<string, number>;
  splits?: Array<'train' | 'val' | 'holdout'>;
}

/**
 * The calibration simulator wired together — not a benchmark: environment, worker with the planted
 * effects, and judge. Pair arms with `simController(arm)` so each arm's steers name its effect.
 *
 * @throws {SimOptionsError} when an option is invalid.
 * @example
 * const sim = simBenchmark({ count: 300, effects: { treated: 0.2 } });
 */
export function simBenchmark(options: SimBenchmarkOptions): {
  environment: Environment<SimInput, { taskId: string }>;
  worker: Worker<SimInput>;
  judge: Judge;
} {
  return {
    environment: simEnvironment({
      count: options.count,
      seed: options.seed ?? 0,
      ...(options.splits ? { splits: options.splits } : {}),
    }),
    worker: simWorker({ effects: options.effects ?? {} }),
    judge: simJudge(),
  };
}
