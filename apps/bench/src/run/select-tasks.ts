import { UsageError } from '@ratchet/config';
import type { Task } from '@ratchet/runtime';

/**
 * The tasks a run takes from its split: the ids `--tasks` (the config's `tasks`) names, in the split's
 * order, then the first `maxTasks` of them.
 *
 * @throws {UsageError} naming the ids the split does not have, and the ones it does.
 */
export function selectTasks(
  all: readonly Task[],
  filter: { tasks?: readonly string[] | undefined; maxTasks?: number | undefined; split: string },
): Task[] {
  let chosen = [...all];
  if (filter.tasks !== undefined) {
    const known = new Set(all.map((task) => task.id));
    const unknown = filter.tasks.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const shown = all.slice(0, 20).map((task) => task.id);
      const more = all.length > shown.length ? `, … (${all.length - shown.length} more)` : '';
      throw new UsageError(
        `--tasks: the ${filter.split} split has no task ${unknown.map((id) => `"${id}"`).join(', ')}; its tasks: ${shown.join(', ')}${more}`,
      );
    }
    const wanted = new Set(filter.tasks);
    chosen = chosen.filter((task) => wanted.has(task.id));
  }
  return filter.maxTasks === undefined ? chosen : chosen.slice(0, filter.maxTasks);
}
