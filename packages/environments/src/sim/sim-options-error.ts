import type { z } from 'zod';
import { EnvironmentsError } from '../environments-error';
import { listOptionIssues, type OptionIssue, parseOptions } from '../option-issues';

/** One problem in an options object: a dotted path and what is wrong there. */
export type SimOptionIssue = OptionIssue;

/** Options of the calibration simulator did not validate. Names the function and every offending path. */
export class SimOptionsError extends EnvironmentsError {
  readonly functionName: string;
  readonly issues: readonly SimOptionIssue[];

  constructor(options: { functionName: string; issues: readonly SimOptionIssue[]; cause?: unknown }) {
    const listed = listOptionIssues(options.issues);
    super(`${options.functionName}: invalid options — ${listed}`, { cause: options.cause });
    this.name = 'SimOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static override isInstance(error: unknown): error is SimOptionsError {
    return EnvironmentsError.isInstance(error) && error.name === 'SimOptionsError';
  }
}

/** Validates options at a sim boundary; returns them with defaults applied. */
export function parseSimOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  return parseOptions(schema, value, (issues, cause) => new SimOptionsError({ functionName, issues, cause }));
}
