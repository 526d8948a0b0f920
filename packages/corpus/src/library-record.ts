import { z } from 'zod';
import { blobRefSchema, idSchema, jsonValueSchema, timestampSchema } from './common-schemas';
import { recordSchemaVersion } from './schema-version';

/** True when every item is greater than the one before: sorted, no repeats. */
function isStrictlySorted(items: readonly string[]): boolean {
  return items.every((item, index) => index === 0 || (items[index - 1] as string) < item);
}

/**
 * A list kept sorted and without repeats, so the same sources always give the same record (and the
 * learner's content-derived id does not depend on the order it happened to read the corpus in).
 */
const sortedIdsSchema = z
  .array(idSchema)
  .refine(isStrictlySorted, 'must be sorted (by code unit) and without repeats, so equal sources give equal records');

/**
 * Where a library was learned from: the provenance issue 14 asks for. The counts are of certified
 * cells, attempts and tasks the learner read (train and val cells only: docs/design.md rule 1); the cell ids
 * themselves can be many, so they are a blob (a JSON array of strings), exported and imported with
 * the record.
 */
export const librarySourceSchema = z.strictObject({
  /** The benchmarks read, sorted. */
  benchmarks: sortedIdsSchema,
  /** The runs read, sorted. */
  runIds: sortedIdsSchema,
  /** The cut-off: nothing recorded at or after it was read; null when the learner read everything. */
  until: timestampSchema.nullable(),
  cells: z.number().int().nonnegative(),
  attempts: z.number().int().nonnegative(),
  tasks: z.number().int().nonnegative(),
  /** A blob holding the JSON array of the ids of the cells the library was learned from. */
  cellIds: blobRefSchema,
});
export type LibrarySource = z.infer<typeof librarySourceSchema>;

/**
 * A library a learner extracted from certified attempts (fragments, priors, settings), saved as an
 * artifact with its provenance. A library is a controller parameter: `parameters` are the controller's
 * full parameters with the library in them, and `hash` is that controller's hash, so a library is
 * loaded by building the controller from `controllerId` and `parameters`, and its runs are found by
 * `hash`. Immutable. The learner derives `recordId` from the content (e.g. `library-<16 hex>`); the
 * same record appended again is a duplicate, while a different one under the same id — the same
 * library learned again at another `createdAt` included — is a `RecordConflictError`: a learner that
 * may learn the same library twice should look it up (`libraries({ hash })`) before writing it.
 */
export const libraryRecordSchema = z.strictObject({
  kind: z.literal('library'),
  schemaVersion: z.literal(recordSchemaVersion),
  recordId: idSchema,
  /** The miner that learned it, e.g. `dsl-fragments`. */
  learner: z.string().min(1).max(100),
  /** The controller the library parameterises, e.g. `dsl-default`. */
  controllerId: idSchema,
  /** That controller's hash with the library in its parameters. */
  hash: z.string().min(1).max(128),
  /** The controller's full parameters, library included, as its schema validated them. */
  parameters: z.record(z.string(), jsonValueSchema),
  /** The miner's settings, as validated. */
  settings: jsonValueSchema,
  source: librarySourceSchema,
  /** What the miner reports about what it found (fragments, their support, …). */
  summary: jsonValueSchema,
  createdAt: timestampSchema,
});
export type LibraryRecord = z.infer<typeof libraryRecordSchema>;
