import { z } from 'zod';
import { candidateRecordSchema } from './candidate-record';
import { cellRecordSchema } from './cell-record';
import { sha256Schema } from './common-schemas';
import { flywheelRecordSchema } from './flywheel-record';
import { gateRecordSchema } from './gate-record';
import { iterationRecordSchema } from './iteration-record';
import { libraryRecordSchema } from './library-record';
import { optimizationRecordSchema } from './optimization-record';
import { runManifestSchema } from './run-manifest';
import { runRecordSchema } from './run-record';

/** A blob as one interchange line: its digest and base64 bytes (checked against the digest on import). */
export const blobLineSchema = z.strictObject({
  kind: z.literal('blob'),
  sha256: sha256Schema,
  mediaType: z.string().min(1).max(200),
  base64: z.string(),
});
export type BlobLine = z.infer<typeof blobLineSchema>;

/**
 * One line of the JSON Lines interchange format: a manifest, an attempt, a cell, an optimization, a
 * candidate, an iteration, a gate record, a library, a flywheel decision, or a blob.
 */
export const corpusLineSchema = z.discriminatedUnion('kind', [
  runManifestSchema,
  runRecordSchema,
  cellRecordSchema,
  optimizationRecordSchema,
  candidateRecordSchema,
  iterationRecordSchema,
  gateRecordSchema,
  libraryRecordSchema,
  flywheelRecordSchema,
  blobLineSchema,
]);
export type CorpusLine = z.infer<typeof corpusLineSchema>;
