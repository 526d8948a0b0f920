import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Environment } from '../contracts/environment';
import type { Task } from '../contracts/task';

export interface ScriptedHandle {
  readonly task: Task;
  readonly opened: number;
}

/**
 * An in-memory environment for tests: a fixed task list, a handle per cell, and checks computed by a
 * function of the task's public input and the output (never its `expected`). Counts opens and closes.
 */
export function scriptedEnvironment(
  tasks: readonly Task[],
  checks: (task: Omit<Task, 'expected'>, output: JsonValue) => CheckResult[] = () => [],
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
      const { expected: _hidden, ...visible } = handle.task;
      return checks(visible, output);
    },
    async close() {
      counts.closed++;
    },
  };
}
