import { z } from 'zod';

/**
 * A family's `seed` option as a config writes it: the same seed draws the same tasks, another seed
 * fresh ones.
 */
export const seedOptionSchema = z
  .union([z.number().int(), z.string().min(1)], { error: 'must be a whole number or a non-empty string' })
  .default(0)
  .describe('Draws the tasks: the same seed gives the same tasks, another seed fresh ones (default 0).');

/** A family's `count` option: a whole number of `what` from 1 to 100 000, with a default. */
export function countOptionSchema(what: string, fallback: number) {
  return z
    .number({ error: `must be a whole number of ${what}` })
    .int({ error: `must be a whole number of ${what}` })
    .min(1, { error: `must be at least 1 (${what})` })
    .max(100_000, { error: `must be at most 100000 (${what})` })
    .default(fallback)
    .describe(`How many ${what} (default ${fallback}).`);
}
