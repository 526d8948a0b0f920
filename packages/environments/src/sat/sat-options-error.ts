import type { z } from 'zod';
import { EnvironmentsError } from '../environments-error';
import { listOptionIssues, type OptionIssue, parseOptions } from '../option-issues';

/** One problem in an options object: a dotted path and what is wrong there. */
export type SatOptionIssue = OptionIssue;

/**
 * Options, steer parameters or a solver request of the sat family did not validate. Names the
 * function and every offending path; `isInstance` works across copies of the package.
 */
export class SatOptionsError extends EnvironmentsError {
  readonly functionName: string;
  readonly issues: readonly SatOptionIssue[];

  constructor(options: { functionName: string; issues: readonly SatOptionIssue[]; cause?: unknown }) {
    const listed = listOptionIssues(options.issues);
    super(`${options.functionName}: invalid input — ${listed}`, { cause: options.cause });
    this.name = 'SatOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is SatOptionsError {
    return EnvironmentsError.isInstance(error) && error.name === 'SatOptionsError';
  }
}

/** Validates a value at a sat boundary; returns it with defaults applied. */
export function parseSatOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  return parseOptions(schema, value, (issues, cause) => new SatOptionsError({ functionName, issues, cause }));
}
