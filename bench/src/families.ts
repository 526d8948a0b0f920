import { dslBenchmark, type SolverRunner, satBenchmark } from '@ratchet/environments';
import type { Task } from '@ratchet/runtime';
import type { FamilyBench } from './family-solve-rates';

/** A task's difficulty label: `input.difficulty`, or its `level` when the family records more (dsl). */
function difficulty(task: Task): string {
  const label = (task.input as { difficulty?: unknown }).difficulty;
  if (typeof label === 'string') return label;
  const level = (label as { level?: unknown } | undefined)?.level;
  return typeof level === 'string' ? level : 'unknown';
}

/** The offline families benchmarked, each with its default worker budget, sharing one solver pool. */
export function families(runner: SolverRunner): FamilyBench[] {
  return [
    { name: 'dsl', ...dslBenchmark({ count: 170, seed: 0, runner }), difficultyOf: difficulty },
    { name: 'sat', ...satBenchmark({ count: 100, seed: 0, runner }), difficultyOf: difficulty },
  ];
}
