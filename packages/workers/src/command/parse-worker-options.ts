import type { z } from 'zod';
import { InvalidWorkerOptionsError } from './invalid-worker-options-error';

/**
 * Validates an options object at the package boundary, throwing `InvalidWorkerOptionsError` that names
 * every offending path. Returns the parsed value, defaults applied.
 */
export function parseWorkerOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new InvalidWorkerOptionsError({
    functionName,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    cause: result.error,
  });
}
