import { z } from 'zod';

const compiled = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema compiled by zod itself (`z.compile`, made once per schema, on first use): a generated
 * fast path that answers a valid record several times faster than zod's interpreter, and hands any
 * input it does not accept back to the original schema, so refusals and their issues are the
 * interpreter's, unchanged. A schema zod cannot compile comes back as it was. The record schemas stay
 * the exported source of truth; this is only how the boundary runs them.
 */
export function compiledSchema<T>(schema: z.ZodType<T>): z.ZodType<T> {
  let found = compiled.get(schema);
  if (!found) {
    found = z.compile(schema);
    compiled.set(schema, found);
  }
  return found as z.ZodType<T>;
}
