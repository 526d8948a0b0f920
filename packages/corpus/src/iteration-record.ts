import { z } from 'zod';
import { idSchema, timestampSchema } from './common-schemas';
import { optimizerSpendSchema } from './optimization-record';
import { recordSchemaVersion } from './schema-version';

const hashSchema = z.string().min(1).max(128);

/**
 * One iteration of an optimization: which parent(s) and component it worked on, what was proposed, why
 * the proposal was kept or not (the acceptance rule's figures on the minibatch), and what the search
 * had spent and found when it ended. Written once the iteration is over; a search killed mid-iteration
 * redoes that iteration on resume, reading the cells it had already run from the corpus. Record id
 * `<optimizationId>/<iteration>`.
 */
export const iterationRecordSchema = z.strictObject({
  kind: z.literal('iteration'),
  schemaVersion: z.literal(recordSchemaVersion),
  recordId: idSchema,
  optimizationId: idSchema,
  iteration: z.number().int().positive(),
  step: z.enum(['reflect', 'merge']),
  parents: z.array(hashSchema).min(1).max(2),
  /** The component the proposer rewrote; null for a merge. */
  component: z.string().min(1).max(200).nullable(),
  minibatch: z.array(idSchema),
  /** The proposed candidate's hash, or null when the proposer produced nothing usable. */
  proposal: hashSchema.nullable(),
  /**
   * `accepted`: it passed the acceptance rule and was evaluated on val. `rejected`: it did not.
   * `invalid`: refused before any evaluation (schema, length, truncation); `repeated`: equal to its
   * parent or to a proposal already rejected for this parent; `exhausted`: no proposal could be made.
   */
  outcome: z.enum(['accepted', 'rejected', 'invalid', 'repeated', 'exhausted']),
  reason: z.string().min(1).max(2000),
  acceptance: z
    .strictObject({
      rule: z.string().min(1).max(100),
      parent: z.array(z.number()),
      child: z.array(z.number()),
      pValue: z.number().min(0).max(1).nullable(),
    })
    .nullable(),
  /** The accepted candidate's mean val score, on the scalarized objective. */
  valScore: z.number().nullable(),
  /** What this iteration spent (rollout cells; dollars of rollouts and proposer calls, null if unmeasured). */
  spend: optimizerSpendSchema,
  /** The proposer's share: model calls made and their dollars (0 with no call; null when not measured, never 0). */
  proposer: z.strictObject({
    calls: z.number().int().nonnegative(),
    usd: z.number().nonnegative().nullable(),
  }),
  /** What the search had spent in all once this iteration ended. */
  total: optimizerSpendSchema,
  best: z.strictObject({ hash: hashSchema, valScore: z.number() }),
  frontSize: z.number().int().nonnegative(),
  createdAt: timestampSchema,
});
export type IterationRecord = z.infer<typeof iterationRecordSchema>;
