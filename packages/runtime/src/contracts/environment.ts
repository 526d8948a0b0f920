import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Task } from './task';

/**
 * Opens a task's state, hands it to the worker, offers the deployable checks, and closes it.
 * `checks` must not use the task's reference answer: its results are what a strategy may see.
 */
export interface Environment<Input = unknown, Handle = unknown> {
  readonly id: string;
  readonly version?: string;
  tasks(split?: Split): Promise<ReadonlyArray<Task<Input>>>;
  open(task: Task<Input>): Promise<Handle>;
  checks(handle: Handle, output: JsonValue): Promise<CheckResult[]>;
  close(handle: Handle): Promise<void>;
}
