import type { z } from 'zod';

/** One problem in an options object: a dotted path and what is wrong there. */
export interface OptionIssue {
  readonly path: string;
  readonly message: string;
}

/** A zod error's issues as dotted paths and messages. */
export function optionIssuesOf(error: z.ZodError): OptionIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** `path: message; path: message`, with `(root)` for the options object itself. */
export function listOptionIssues(issues: readonly OptionIssue[]): string {
  return issues.map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
}

/**
 * Validates a value at a boundary and returns it with defaults applied; otherwise throws the error
 * `refuse` makes from the issues (each family has its own error class).
 */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  value: unknown,
  refuse: (issues: OptionIssue[], cause: z.ZodError) => Error,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw refuse(optionIssuesOf(result.error), result.error);
}
