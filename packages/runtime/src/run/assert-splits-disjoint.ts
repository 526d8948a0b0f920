import type { Split } from '@ratchet/corpus';
import { RuntimeError } from '../contracts/runtime-error';
import { SplitOverlapError } from '../contracts/split-overlap-error';
import type { Task } from '../contracts/task';

/**
 * docs/design.md rule 6, for every environment: no task id in two splits, and no task listed twice in a run.
 * `tasks` are the run's tasks; `all` every task the environment lists, whatever its split.
 *
 * @throws {SplitOverlapError} naming each task id found in more than one split.
 * @throws {RuntimeError} when the run lists one task twice.
 */
export function assertSplitsDisjoint(environmentId: string, tasks: readonly Task[], all: readonly Task[]): void {
  const seen = new Set<string>();
  for (const task of tasks) {
    if (seen.has(task.id)) {
      throw new RuntimeError(
        `runBenchmark: task "${task.id}" is listed twice; a run takes each task once (use replicates to repeat it)`,
      );
    }
    seen.add(task.id);
  }
  const splits = new Map<string, Set<Split>>();
  for (const task of [...all, ...tasks]) {
    const found = splits.get(task.id) ?? new Set<Split>();
    found.add(task.split);
    splits.set(task.id, found);
  }
  const overlaps = [...splits]
    .filter(([, found]) => found.size > 1)
    .map(([taskId, found]) => ({ taskId, splits: [...found].sort() }));
  if (overlaps.length > 0) throw new SplitOverlapError(`environment "${environmentId}"`, overlaps);
}
