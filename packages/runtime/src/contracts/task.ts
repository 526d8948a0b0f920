import type { JsonValue, Split } from '@ratchet/corpus';

/**
 * One checkable unit of work. `expected` is the judge's reference (hidden answers, hidden tests) and
 * `metadata` what reports may group by (difficulty, source): only the judge and reports see either.
 */
export interface Task<Input = unknown> {
  readonly id: string;
  readonly split: Split;
  readonly input: Input;
  readonly expected?: unknown;
  readonly metadata?: Readonly<Record<string, JsonValue>>;
}

/**
 * A task as environments, workers, strategies, controllers and analysts see it: id, split and input,
 * nothing else. The harness makes it with `viewOf`, a fresh object, so no field of the task leaks by
 * aliasing.
 */
export interface TaskView<Input = unknown> {
  readonly id: string;
  readonly split: Split;
  readonly input: Input;
}

/** The view of a task: a new frozen object holding only what a worker may see. */
export function viewOf<Input>(task: Task<Input>): TaskView<Input> {
  return Object.freeze({ id: task.id, split: task.split, input: task.input });
}
