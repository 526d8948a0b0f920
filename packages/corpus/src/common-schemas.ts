import { z } from 'zod';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** True for values JSON can represent exactly: finite numbers, strings, booleans, null, arrays, plain objects. */
export function isJsonValue(value: unknown, depth = 0): value is JsonValue {
  if (depth > 200) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!isJsonValue((value as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * Any JSON value: what configs, details and inline outputs may hold. A direct check rather than
 * `z.json()`'s recursive union, which costs several microseconds per small value on the append path.
 */
export const jsonValueSchema = z.custom<JsonValue>((value) => isJsonValue(value), {
  message: 'must be a JSON value (finite numbers, strings, booleans, null, arrays and plain objects)',
});

/** An identifier: non-empty, no control characters, at most 200 characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

export const splitSchema = z.enum(['train', 'val', 'holdout']);
export type Split = z.infer<typeof splitSchema>;

/** Which cell a record belongs to: (run, arm, task, replicate), with the task's benchmark and split. */
export const cellKeyShape = {
  runId: idSchema,
  armId: idSchema,
  taskId: idSchema,
  benchmark: idSchema,
  split: splitSchema,
  replicate: z.number().int().nonnegative(),
};

/** An ISO 8601 timestamp with a time zone offset, as `new Date().toISOString()` writes it. */
export const timestampSchema = z.iso.datetime({ offset: true });

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256 digest');

/** A reference to a content-addressed blob (a full trace, a large output). */
export const blobRefSchema = z.strictObject({
  sha256: sha256Schema,
  bytes: z.number().int().nonnegative(),
  mediaType: z.string().min(1).max(200),
});
export type BlobRef = z.infer<typeof blobRefSchema>;

/** The controller that steered an attempt: its id and content hash (what the optimizer learns). */
export const controllerRefSchema = z.strictObject({ id: idSchema, hash: z.string().min(1).max(128) });
export type ControllerRef = z.infer<typeof controllerRefSchema>;

/** The worker that made an attempt. `workUnit` names what its `usage.workUnits` counts, e.g. `search steps`. */
export const workerRefSchema = z.strictObject({
  id: idSchema,
  model: z.string().min(1).max(200).optional(),
  version: z.string().min(1).max(200).optional(),
  workUnit: z.string().min(1).max(100).optional(),
});
export type WorkerRef = z.infer<typeof workerRefSchema>;

/** A harness failure: the error and the retries spent on it (docs/design.md rule 4). */
export const infraFailureSchema = z.strictObject({
  error: z.string().min(1).max(10_000),
  retries: z.number().int().nonnegative(),
});
export type InfraFailure = z.infer<typeof infraFailureSchema>;

/** The commit the code under test was at. */
export const commitShaSchema = z.string().regex(/^[0-9a-f]{7,64}$/, 'must be a lowercase hex commit sha');
