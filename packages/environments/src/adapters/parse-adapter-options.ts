import type { z } from 'zod';
import { AdapterOptionsError } from './adapter-options-error';

/** Validates an adapter's options at the boundary; returns them with defaults applied. */
export function parseAdapterOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AdapterOptionsError({
    functionName,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    cause: result.error,
  });
}
