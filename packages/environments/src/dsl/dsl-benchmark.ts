import type { Judge } from '@ratchet/judges';
import type { Analyst, Controller, Environment, Worker } from '@ratchet/runtime';
import type { SolverRunner } from '../solver-runner';
import { dslAnalyst } from './dsl-analyst';
import { dslController } from './dsl-controller';
import { type DslHandle, dslEnvironment } from './dsl-environment';
import { dslJudge } from './dsl-judge';
import type { DslTaskInput } from './dsl-task-input';
import { dslWorker } from './dsl-worker';

export interface DslBenchmark {
  readonly environment: Environment<DslTaskInput, DslHandle>;
  readonly worker: Worker<DslTaskInput>;
  readonly judge: Judge;
  readonly analyst: Analyst;
  readonly controller: Controller;
}

/**
 * Everything a dsl run needs, wired together: tasks and checks, the enumerative worker with its step
 * budget, the hidden-examples judge, the rule analyst and the default controller.
 *
 * @example
 * const { environment, worker, judge, analyst, controller } = dslBenchmark({ count: 40, seed: 1 });
 * await runBenchmark({ environment, worker, judge, analyst, corpus, arms: [{ id: 'refine', ...refine(2, { controller }) }, …] });
 */
export function dslBenchmark(
  options: { count: number; seed?: number | string; budget?: number; runner?: SolverRunner } = { count: 40 },
): DslBenchmark {
  return {
    environment: dslEnvironment({
      count: options.count,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    }),
    worker: dslWorker({
      ...(options.budget === undefined ? {} : { budget: options.budget }),
      ...(options.runner === undefined ? {} : { runner: options.runner }),
    }),
    judge: dslJudge(),
    analyst: dslAnalyst(),
    controller: dslController,
  };
}
