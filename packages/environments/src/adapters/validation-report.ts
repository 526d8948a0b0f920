import type { JsonValue } from '@ratchet/corpus';

/**
 * Why a task failed validation:
 * - `invalid-task`: the task definition could not be read (a missing `task.md`, a bad `task.json`).
 * - `no-reference`: there is no reference answer or solution to check.
 * - `reference-failed`: the reference did not pass the judge.
 * - `empty-passed`: an empty answer passed the judge, so the judge cannot tell work from no work.
 * - `visible-tests-failed`: the reference did not pass the task's visible tests.
 * - `setup-failed`: the task's setup command failed.
 * - `judge-broke`: the judge threw (a broken harness or an unusable `expected`) instead of a verdict.
 */
export type ValidationProblemCode =
  | 'invalid-task'
  | 'no-reference'
  | 'reference-failed'
  | 'empty-passed'
  | 'visible-tests-failed'
  | 'setup-failed'
  | 'judge-broke';

export interface ValidationProblem {
  readonly code: ValidationProblemCode;
  readonly message: string;
  /** What the judge or check reported, when there is a result to show. */
  readonly details?: JsonValue;
}

export interface TaskValidation {
  readonly taskId: string;
  readonly ok: boolean;
  readonly problems: readonly ValidationProblem[];
}

/** The result of a validate mode: one entry per task, in task order, and a summary. */
export interface ValidationReport {
  /** The directory or file validated. */
  readonly source: string;
  readonly ok: boolean;
  readonly tasks: readonly TaskValidation[];
  readonly summary: {
    readonly tasks: number;
    readonly ok: number;
    readonly withProblems: number;
    /** How many problems of each kind, over all tasks. */
    readonly problems: Partial<Record<ValidationProblemCode, number>>;
  };
}

/** Builds a report from per-task problem lists. */
export function validationReport(
  source: string,
  results: ReadonlyArray<{ taskId: string; problems: readonly ValidationProblem[] }>,
): ValidationReport {
  const tasks = results.map(({ taskId, problems }) => ({ taskId, ok: problems.length === 0, problems }));
  const problems: Partial<Record<ValidationProblemCode, number>> = {};
  for (const problem of tasks.flatMap((task) => task.problems)) {
    problems[problem.code] = (problems[problem.code] ?? 0) + 1;
  }
  const ok = tasks.filter((task) => task.ok).length;
  return {
    source,
    ok: ok === tasks.length,
    tasks,
    summary: { tasks: tasks.length, ok, withProblems: tasks.length - ok, problems },
  };
}

/** A thrown error as a one-line message for a report, never as a throw. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
