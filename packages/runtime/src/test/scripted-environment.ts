import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Environment } from '../contracts/environment';
import type { Task, TaskView } from '../contracts/task';

export interface ScriptedHandle {
  /** What the environment was given to open: the task's view, never its reference answer. */
  readonly task: TaskView;
  readonly opened: number;
}

/**
 * An in-memory environment for tests: a fixed task list, a handle per attempt holding the view it was
 * opened with, and checks computed by a function of the task's view and the output. Counts opens and
 * closes.
 */
export function scriptedEnvironment(
  tasks: readonly Task[],
  checks: (task: TaskView, output: JsonValue) => CheckResult[] = () => [],
  id = 'scripted-environment',
): Environment<unknown, ScriptedHandle> & { readonly counts: { opened: number; closed: number } } {
  const counts = { opened: 0, closed: 0 };
  return {
    id,
    counts,
    async tasks(split?: Split) {
      return split === undefined ? tasks : tasks.filter((task) => task.split === split);
    },
    async open(task) {
      counts.opened++;
      return { task, opened: counts.opened };
    },
    async checks(handle, output) {
      return checks(handle.task, output);
    },
    async close() {
      counts.closed++;
    },
  };
}
