import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Task, TaskView } from './task';

/**
 * Opens a task's state, hands it to the worker, offers the deployable checks, and closes it. `tasks`
 * lists whole tasks (the judge needs `expected`); `open` receives only the task's view, so nothing it
 * puts in the handle can carry the reference answer to the worker. `checks` must not use the reference
 * answer either: its results are what a strategy may see.
 */
export interface Environment<Input = unknown, Handle = unknown> {
  readonly id: string;
  readonly version?: string;
  tasks(split?: Split): Promise<ReadonlyArray<Task<Input>>>;
  open(task: TaskView<Input>): Promise<Handle>;
  checks(handle: Handle, output: JsonValue): Promise<CheckResult[]>;
  close(handle: Handle): Promise<void>;
}
