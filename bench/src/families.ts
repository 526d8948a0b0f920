import { availableParallelism } from 'node:os';
import { dslFamily, satFamily } from '@ratchet/environments';
import type { FamilyInstance, Task } from '@ratchet/runtime';
import type { FamilyBench } from './family-solve-rates';

/** A task's difficulty label, from its report metadata (never from what the worker sees). */
function difficulty(task: Task): string {
  const label = task.metadata?.difficulty;
  return typeof label === 'string' ? label : 'unknown';
}

/**
 * The offline families benchmarked, each with its default worker budget and its solver on every core.
 * Each is made when its turn comes and released after (`close`), so one pool runs at a time.
 */
export function families(): Array<{ name: string; create(): FamilyBench & { close(): Promise<void> } }> {
  const threads = availableParallelism();
  const bench = (name: string, instance: FamilyInstance) => ({
    name,
    ...instance,
    controller: instance.controller(name),
    difficultyOf: difficulty,
  });
  return [
    { name: 'dsl', create: () => bench('dsl', dslFamily.create({ count: 170, seed: 0 }, { threads })) },
    {
      // The same family with targets chained from a domain's 8 hidden idioms (issue 14): what a learner
      // could lift. Printed so its reach from the base operators alone is on record before any learner.
      name: 'dsl (domain 1)',
      create: () => bench('dsl', dslFamily.create({ count: 170, seed: 0, domain: 1 }, { threads })),
    },
    { name: 'sat', create: () => bench('sat', satFamily.create({ count: 100, seed: 0 }, { threads })) },
  ];
}
