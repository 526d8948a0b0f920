import { z } from 'zod';
import { idSchema, jsonValueSchema, timestampSchema } from './common-schemas';
import { recordSchemaVersion } from './schema-version';

/**
 * A candidate controller an optimization made or started from: its content hash (the controller hash,
 * also the arm id its cells are recorded under), its parameters, and its lineage. Immutable; the
 * record id is `<optimizationId>/<hash>`, so the same controller found by two searches is two records.
 */
export const candidateRecordSchema = z.strictObject({
  kind: z.literal('candidate'),
  schemaVersion: z.literal(recordSchemaVersion),
  recordId: idSchema,
  optimizationId: idSchema,
  hash: z.string().min(1).max(128),
  controllerId: idSchema,
  /** The controller's parameters, as its schema validated them. */
  parameters: z.record(z.string(), jsonValueSchema),
  /** Hashes of the candidates it was made from: none for the baseline, one for a proposal, two for a merge. */
  parents: z.array(z.string().min(1).max(128)).max(2),
  origin: z.enum(['baseline', 'proposal', 'merge']),
  /** The proposer that wrote it (`parametric`, `reflective`, `merge`), or `baseline`. */
  proposer: z.string().min(1).max(100),
  /** The components it changed from its first parent. */
  changed: z.array(z.string().min(1).max(200)),
  /** The iteration that made it (0 for the baseline). */
  iteration: z.number().int().nonnegative(),
  createdAt: timestampSchema,
});
export type CandidateRecord = z.infer<typeof candidateRecordSchema>;
