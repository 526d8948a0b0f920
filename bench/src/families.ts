import { dslBenchmark, type SolverRunner, satBenchmark } from '@ratchet/environments';
import type { Task } from '@ratchet/runtime';
import type { FamilyBench } from './family-solve-rates';

/** A task's difficulty label, from its report metadata (never from what the worker sees). */
function difficulty(task: Task): string {
  const label = task.metadata?.difficulty;
  return typeof label === 'string' ? label : 'unknown';
}

/** The offline families benchmarked, each with its default worker budget, sharing one solver pool. */
export function families(runner: SolverRunner): FamilyBench[] {
  return [
    { name: 'dsl', ...dslBenchmark({ count: 170, seed: 0, runner }), difficultyOf: difficulty },
    { name: 'sat', ...satBenchmark({ count: 100, seed: 0, runner }), difficultyOf: difficulty },
  ];
}
