import type { z } from 'zod';

const marker = Symbol.for('@ratchet/environments.sat-options-error');

/** One problem in an options object: a dotted path and what is wrong there. */
export interface SatOptionIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Options, steer parameters or a solver request of the sat family did not validate. Names the
 * function and every offending path; `isInstance` works across copies of the package.
 */
export class SatOptionsError extends Error {
  readonly [marker] = true;
  readonly functionName: string;
  readonly issues: readonly SatOptionIssue[];

  constructor(options: { functionName: string; issues: readonly SatOptionIssue[]; cause?: unknown }) {
    const listed = options.issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
    super(`${options.functionName}: invalid input — ${listed}`, { cause: options.cause });
    this.name = 'SatOptionsError';
    this.functionName = options.functionName;
    this.issues = options.issues;
  }

  static isInstance(error: unknown): error is SatOptionsError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}

/** Validates a value at a sat boundary; returns it with defaults applied. */
export function parseSatOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new SatOptionsError({
    functionName,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    cause: result.error,
  });
}
