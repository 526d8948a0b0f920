import { z } from 'zod';

/** Any JSON value: what configs, details and inline outputs may hold. */
export const jsonValueSchema = z.json();
export type JsonValue = z.infer<typeof jsonValueSchema>;

/** An identifier: non-empty, no control characters, at most 200 characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters');

export const splitSchema = z.enum(['train', 'val', 'holdout']);
export type Split = z.infer<typeof splitSchema>;

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

export const workerRefSchema = z.strictObject({
  id: idSchema,
  model: z.string().min(1).max(200).optional(),
  version: z.string().min(1).max(200).optional(),
});
export type WorkerRef = z.infer<typeof workerRefSchema>;
