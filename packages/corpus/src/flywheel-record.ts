import { z } from 'zod';
import { idSchema, jsonValueSchema, timestampSchema } from './common-schemas';
import { recordSchemaVersion } from './schema-version';

/** The record id a flywheel decision must have: one per generation, and one for the verdict. */
export function flywheelRecordId(flywheelId: string, generation: number | null): string {
  return generation === null ? `${flywheelId}/verdict` : `${flywheelId}/g${generation}`;
}

/**
 * A decision of a flywheel test (issue 15): what it decided at one generation (the arms' hashes and
 * success, the paired difference, the library the learned arm ran with), or, with `generation: null`,
 * its verdict (the slopes, their q-values, the sentence). The cells and libraries of each generation
 * are already in the corpus; these records are the decisions taken on them, so a flywheel can be
 * audited, and its curves redrawn, from the corpus alone. The record id is derived from the flywheel
 * and the generation (`<flywheelId>/g<generation>`, `<flywheelId>/verdict`) and the schema refuses
 * any other: a generation is decided once, so a different decision under its id is a
 * `RecordConflictError`, while a resumed flywheel that writes the same decision again is a duplicate.
 */
export const flywheelRecordSchema = z
  .strictObject({
    kind: z.literal('flywheel'),
    schemaVersion: z.literal(recordSchemaVersion),
    recordId: idSchema,
    /** The flywheel's content-derived id, e.g. `fly-1a2b3c4d5e6f`. */
    flywheelId: idSchema,
    /** The family's id. */
    benchmark: idSchema,
    /** The generation decided, from 0; null for the verdict. */
    generation: z.number().int().nonnegative().nullable(),
    /** What the flywheel decided there, as its result reports it. */
    decision: jsonValueSchema,
    createdAt: timestampSchema,
  })
  .superRefine((record, context) => {
    if (record.recordId === flywheelRecordId(record.flywheelId, record.generation)) return;
    context.addIssue({
      code: 'custom',
      path: ['recordId'],
      message:
        record.generation === null
          ? 'must be `<flywheelId>/verdict` for a verdict (generation null)'
          : 'must be `<flywheelId>/g<generation>`, from the record’s flywheelId and generation',
    });
  });
export type FlywheelRecord = z.infer<typeof flywheelRecordSchema>;
