import type { z } from 'zod';
import { InvalidOptionsError } from './invalid-options-error';

/**
 * Validates an options object at the package boundary, throwing `InvalidOptionsError` that names every
 * offending path. Returns the parsed value (with defaults applied).
 */
export function parseOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidOptionsError({
    functionName,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    cause: result.error,
  });
}
