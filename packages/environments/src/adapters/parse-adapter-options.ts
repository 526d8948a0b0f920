import type { z } from 'zod';
import { parseOptions } from '../option-issues';
import { AdapterOptionsError } from './adapter-options-error';

/** Validates an adapter's options at the boundary; returns them with defaults applied. */
export function parseAdapterOptions<T extends z.ZodType>(functionName: string, schema: T, value: unknown): z.output<T> {
  return parseOptions(schema, value, (issues, cause) => new AdapterOptionsError({ functionName, issues, cause }));
}
