import type { Judge } from '@ratchet/judges';
import type { Analyst, Controller, Environment, Worker } from '@ratchet/runtime';
import type { SolverRunner } from '../solver-runner';
import { satAnalyst } from './sat-analyst';
import { satController } from './sat-controller';
import { type SatHandle, satEnvironment } from './sat-environment';
import { satJudge } from './sat-judge';
import type { SatInput } from './sat-tasks';
import { defaultSatFlips, satWorker } from './sat-worker';

export interface SatBenchmarkOptions {
  /** Tasks per split. */
  count: number;
  seed?: number | string;
  /** Flip budget per attempt (default `defaultSatFlips`). */
  flips?: number;
  splits?: Array<'train' | 'val' | 'holdout'>;
  runner?: SolverRunner;
}

export interface SatBenchmark {
  environment: Environment<SatInput, SatHandle>;
  worker: Worker<SatInput>;
  judge: Judge;
  analyst: Analyst;
  controller: Controller;
}

/**
 * Everything a sat run needs, wired together: planted 3-SAT tasks, the WalkSAT worker, the judge,
 * the rule analyst and the default controller.
 *
 * @throws {SatOptionsError} when an option is invalid.
 * @example
 * const bench = satBenchmark({ count: 40, seed: 0 });
 * await runBenchmark({ ...bench, corpus, arms: [{ id: 'random', ...random(2) }, { id: 'refine', ...refine(2, { controller: bench.controller }) }] });
 */
export function satBenchmark(options: SatBenchmarkOptions): SatBenchmark {
  return {
    environment: satEnvironment({
      count: options.count,
      seed: options.seed ?? 0,
      ...(options.splits ? { splits: options.splits } : {}),
    }),
    worker: satWorker({
      flips: options.flips ?? defaultSatFlips,
      ...(options.runner ? { runner: options.runner } : {}),
    }),
    judge: satJudge(),
    analyst: satAnalyst(),
    controller: satController,
  };
}
