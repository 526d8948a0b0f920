import { z } from 'zod';
import { controllerRefSchema, idSchema, jsonValueSchema, sha256Schema, timestampSchema } from './common-schemas';
import { recordSchemaVersion } from './schema-version';

/**
 * One entry of the holdout ledger: a promotion decision, taken once on a frozen holdout (docs/design.md rule 6).
 * The record id is derived from (benchmark, holdout, incumbent), so a second decision on the same
 * holdout for the same incumbent cannot be written: the store refuses it as a conflict, and the gate
 * refuses it before any rollout, naming this entry.
 */
export const gateRecordSchema = z.strictObject({
  kind: z.literal('gate'),
  schemaVersion: z.literal(recordSchemaVersion),
  recordId: idSchema,
  benchmark: idSchema,
  /** Names the holdout: its source (family options with the seed, a dataset fold) and split. */
  holdoutKey: z.string().min(1).max(500),
  /** sha256 of the sorted holdout task ids, so a holdout named alike but drawn otherwise is told apart. */
  holdoutDigest: sha256Schema,
  holdoutTasks: z.number().int().positive(),
  incumbent: controllerRefSchema,
  candidate: controllerRefSchema,
  /** The optimization that found the candidate, if one did. */
  optimizationId: idSchema.nullable(),
  /** The run whose holdout cells the decision was taken on. */
  runId: idSchema,
  promoted: z.boolean(),
  reason: z.string().min(1).max(100),
  /** The full decision (`decidePromotion`'s result): lift with its interval, test, veto, n, exclusions. */
  decision: jsonValueSchema,
  /**
   * A sequential gate only (absent for the fixed-n gate and in records written before it existed): the
   * holdout items its decision spent in the committed order, the items evaluated (whole batches, so
   * possibly more), and why it stopped.
   */
  itemsSpent: z.number().int().nonnegative().optional(),
  itemsEvaluated: z.number().int().nonnegative().optional(),
  stoppedBy: z.enum(['evidence', 'futility', 'cap']).optional(),
  /** A sequential gate's runs, one per batch, in order (`runId` is the first). */
  runIds: z.array(idSchema).min(1).optional(),
  createdAt: timestampSchema,
});
export type GateRecord = z.infer<typeof gateRecordSchema>;
