import type { Split } from '@ratchet/corpus';

/**
 * One checkable unit of work. `expected` is the judge's reference (hidden answers, hidden tests):
 * the harness strips it before a task reaches a worker, a strategy, a controller or an analyst.
 */
export interface Task<Input = unknown> {
  readonly id: string;
  readonly split: Split;
  readonly input: Input;
  readonly expected?: unknown;
}

/** A task as workers and strategies see it: no reference answer. */
export type TaskView<Input = unknown> = Omit<Task<Input>, 'expected'>;

export function viewOf<Input>(task: Task<Input>): TaskView<Input> {
  return { id: task.id, split: task.split, input: task.input };
}
