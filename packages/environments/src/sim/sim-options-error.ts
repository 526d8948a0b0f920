import type { z } from 'zod';
import { listOptionIssues, type OptionIssue, parseOptions } from '../option-issues';

const marker = Symbol.for('@ratchet/environments.sim-options-error');

/** One problem in an options object: a dotted path and what is wrong there. */
export type SimOptionIssue = OptionIssue;

/** Options of the calibration simulator did not validate. Names the function and every offending path. */
export class SimOptionsError extends Error {
  readonly [marker] = true;
  readonly functionName: string;
  readonly issues: readonly SimOptionIssue[];

  constructor(options: { functionName: string; issues: readonly SimOptionIssue[]; cause?: unknown }) {
    const listed = listOptionIssues(options.issues);
    super(`${options.functionName}: invalid options — ${listed}`, { cause: options.cause });
    this.name = 'SimOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static isInstance(error: unknown): error is SimOptionsError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Validates options at a sim boundary; returns them with defaults applied. */
export function parseSimOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  return parseOptions(schema, value, (issues, cause) => new SimOptionsError({ functionName, issues, cause }));
}
