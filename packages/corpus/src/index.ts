export { type CellRecord, cellRecordSchema } from './cell-record';
export {
  type BlobRef,
  blobRefSchema,
  type ControllerRef,
  controllerRefSchema,
  idSchema,
  type JsonValue,
  jsonValueSchema,
  type Split,
  splitSchema,
  timestampSchema,
  type WorkerRef,
  workerRefSchema,
} from './common-schemas';
export { type BlobLine, blobLineSchema, type CorpusLine, corpusLineSchema } from './corpus-line';
export { type ArmSpec, armSpecSchema, type RunManifest, runManifestSchema } from './run-manifest';
export {
  type CheckResult,
  checkResultSchema,
  maxTraceSummaryChars,
  type Output,
  outputSchema,
  type RunRecord,
  runRecordSchema,
  type Steer,
  steerSchema,
} from './run-record';
export { recordSchemaVersion } from './schema-version';
export { type Usage, unmeasuredUsage, usageSchema } from './usage';
export {
  type ObjectiveDirection,
  type ObjectiveScore,
  objectiveDirectionSchema,
  objectiveScoreSchema,
  type Verdict,
  verdictSchema,
} from './verdict';
