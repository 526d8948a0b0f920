import { z } from 'zod';

/** A whole number of something, at least 1, whose errors name what is counted. */
export const count = (what: string) =>
  z
    .number()
    .int({ error: `must be a whole number of ${what}` })
    .min(1, { error: `must be at least 1 (${what})` });
