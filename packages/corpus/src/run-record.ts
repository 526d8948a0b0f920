import { z } from 'zod';
import { attemptFailureSchema } from './attempt-failure';
import {
  blobRefSchema,
  cellKeyShape,
  commitShaSchema,
  controllerRefSchema,
  idSchema,
  infraFailureSchema,
  jsonValueSchema,
  timestampSchema,
  workerRefSchema,
} from './common-schemas';
import { recordSchemaVersion } from './schema-version';
import { usageSchema } from './usage';
import { verdictSchema } from './verdict';

/** Longest inline trace summary; the full trace goes to a blob. */
export const maxTraceSummaryChars = 8192;

/** An output kept inline (small JSON) or in a blob (large, or binary). */
export const outputSchema = z.union([
  z.strictObject({ inline: jsonValueSchema }),
  z.strictObject({ blob: blobRefSchema }),
]);
export type Output = z.infer<typeof outputSchema>;

/** A deployable, oracle-free signal the controller may see (visible tests, a clock, a scanner). */
export const checkResultSchema = z.strictObject({
  name: z.string().min(1).max(200),
  passed: z.boolean().nullable(),
  score: z.number().finite().nullable(),
  details: jsonValueSchema.optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

/** What the attempt was told, built from observations (never verdicts). */
export const steerSchema = z.strictObject({
  text: z.string().max(100_000),
  parameters: z.record(z.string(), jsonValueSchema).optional(),
});
export type Steer = z.infer<typeof steerSchema>;

/**
 * One attempt: the unit the corpus is made of. Identified by `recordId` (opaque: every field it
 * might encode, such as the try, is a field of its own); everything needed to tell what ran (ids, seed,
 * controller, worker, config hash), what it was told (steer, checkpoint), what it did (trace, output,
 * checks, failure), what it cost (usage) and, once judged, the verdict.
 */
export const runRecordSchema = z.strictObject({
  kind: z.literal('attempt'),
  schemaVersion: z.literal(recordSchemaVersion),
  recordId: idSchema,
  ...cellKeyShape,
  /**
   * Which try of its cell the attempt belongs to: 0 the first time, one more for each earlier try that
   * was killed before its cell was recorded (a resumed run redoes the cell on a new try).
   */
  try: z.number().int().nonnegative(),
  attempt: z.number().int().nonnegative(),
  seed: z.string().min(1).max(500),
  controller: controllerRefSchema,
  worker: workerRefSchema,
  steer: steerSchema.nullable(),
  /** The attempt whose checkpoint this one continued from; null for a fresh start. */
  checkpoint: z.strictObject({ fromRecordId: idSchema, blob: blobRefSchema.optional() }).nullable(),
  trace: z.strictObject({
    summary: z.string().max(maxTraceSummaryChars),
    events: z.number().int().nonnegative(),
    blob: blobRefSchema.nullable(),
  }),
  output: outputSchema.nullable(),
  checks: z.array(checkResultSchema),
  verdict: verdictSchema.nullable(),
  usage: usageSchema,
  /** How the agent failed, when it ran and the worker could tell; scored as the attempt's outcome. */
  failure: attemptFailureSchema.nullable(),
  /** Set when the harness (not the agent) failed: the error and how many retries were spent. */
  infra: infraFailureSchema.nullable(),
  createdAt: timestampSchema,
  configHash: z.string().min(1).max(128),
  commitSha: commitShaSchema.optional(),
});
export type RunRecord = z.infer<typeof runRecordSchema>;
