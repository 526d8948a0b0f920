import { z } from 'zod';

/**
 * A task folder's optional `task.json`. Strict, so a misspelt key is an error rather than ignored.
 *
 * @example
 * { "setup": "npm ci --offline", "setupTimeoutMs": 120000 }
 */
export const taskJsonSchema = z.strictObject({
  /** A shell command run in the fresh work dir before the worker starts (install, generate data). */
  setup: z.string().min(1).optional(),
  /** How long `setup` may take before the open fails as retryable infra (default 120 s). */
  setupTimeoutMs: z.number().int().positive().default(120_000),
});
export type TaskJson = z.output<typeof taskJsonSchema>;

/**
 * The optional `splits.json` at the root of a task directory: task ids per split. When it exists,
 * every task folder must be listed exactly once, so a task can never slip into the wrong split.
 *
 * @example
 * { "train": ["clamp", "fizzbuzz"], "val": ["is-palindrome"], "holdout": ["word-count"] }
 */
export const splitsJsonSchema = z.strictObject({
  train: z.array(z.string().min(1)).default([]),
  val: z.array(z.string().min(1)).default([]),
  holdout: z.array(z.string().min(1)).default([]),
});
export type SplitsJson = z.output<typeof splitsJsonSchema>;
