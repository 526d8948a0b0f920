import { z } from 'zod';
import { cellKeyShape, idSchema, infraFailureSchema, timestampSchema } from './common-schemas';
import { outputSchema } from './run-record';
import { recordSchemaVersion } from './schema-version';
import { usageSchema } from './usage';
import { verdictSchema } from './verdict';

/**
 * One (run, arm, task, replicate): the attempts made, the one final output the strategy chose and how,
 * the verdict on it, and the total spend. `status: 'infra'` when the harness failed persistently; such
 * cells are excluded from comparisons and counted. `oracle` is the best verdict over all attempts,
 * recorded only as an upper bound (docs/design.md rule 2), never as the result: no value of `chosenBy` can say
 * a judge chose the final output.
 */
const cellShape = {
  kind: z.literal('cell'),
  schemaVersion: z.literal(recordSchemaVersion),
  cellId: idSchema,
  ...cellKeyShape,
  /** The try that finished the cell (see `RunRecord.try`); attempts of lower tries were abandoned. */
  try: z.number().int().nonnegative(),
  attemptIds: z.array(idSchema),
  finalAttemptId: idSchema.nullable(),
  finalOutput: outputSchema.nullable(),
  /** What chose the final output: the strategy itself (it called `choose`) or the check-based default. */
  chosenBy: z.enum(['strategy', 'checks']),
  verdict: verdictSchema.nullable(),
  oracle: z.strictObject({ attemptId: idSchema, verdict: verdictSchema }).nullable(),
  spend: usageSchema,
  /** Attempts the cell made, and analyst calls its strategy spent: part of the arm's metered compute. */
  attempts: z.number().int().nonnegative(),
  analystCalls: z.number().int().nonnegative(),
  status: z.enum(['ok', 'infra']),
  /** Why the harness failed, for an `infra` cell: the error and the retries spent. */
  infra: infraFailureSchema.nullable(),
  /**
   * Why the strategy program failed, for a cell that is the program's failure (it threw, ran past a
   * sandbox limit, or handed a judge-origin finding to a shot): `status` stays `ok`, the verdict is a
   * failure, there is no final output. Null otherwise; absent in records written before it existed.
   */
  strategyFailure: z
    .strictObject({ error: z.string().min(1).max(10_000) })
    .nullable()
    .optional(),
  createdAt: timestampSchema,
};

/**
 * An infra cell a later try replaced (`ratchet run --retry-infra`), kept whole inside the cell that
 * replaced it: its attempts stay in the corpus and its spend stays the arm's. Only an infra cell can be
 * superseded — the harness failed, so it holds no outcome — never an `ok` one.
 */
export const supersededCellSchema = z.strictObject({ ...cellShape, status: z.literal('infra') });
export type SupersededCell = z.infer<typeof supersededCellSchema>;

export const cellRecordSchema = z.strictObject({
  ...cellShape,
  /**
   * The infra cells of earlier tries this one replaced, oldest first; absent when it replaced none.
   * A store accepts a cell under an id already written only when this lists the stored cell last.
   */
  supersedes: z.array(supersededCellSchema).min(1).optional(),
});
export type CellRecord = z.infer<typeof cellRecordSchema>;
