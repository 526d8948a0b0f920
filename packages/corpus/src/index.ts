export { alignPairs, type PairRow, type TaskTally, tallyRows } from './align-pairs';
export { assertManifestUpdate } from './assert-manifest-update';
export { assertOptimizationUpdate } from './assert-optimization-update';
export { assertSameRecord } from './assert-same-record';
export { type AttemptFailure, attemptFailureSchema } from './attempt-failure';
export { type CandidateRecord, candidateRecordSchema } from './candidate-record';
export { canonicalJson } from './canonical-json';
export { cellAppendOutcome, supersededCellOf } from './cell-append-outcome';
export { type CellRecord, cellRecordSchema, type SupersededCell, supersededCellSchema } from './cell-record';
export {
  type BlobRef,
  blobRefSchema,
  type ControllerRef,
  commitShaSchema,
  controllerRefSchema,
  type InfraFailure,
  idSchema,
  infraFailureSchema,
  type JsonValue,
  jsonValueSchema,
  type Split,
  splitSchema,
  timestampSchema,
  type WorkerRef,
  workerRefSchema,
} from './common-schemas';
export type {
  AppendResult,
  ArmSelector,
  AttemptCounts,
  CandidateFilter,
  CellFilter,
  Corpus,
  CorpusStats,
  DeletedRun,
  FlywheelFilter,
  GateFilter,
  LibraryFilter,
  OptimizerRecord,
  PairedOutcomes,
  PairMetric,
  PairsQuery,
  RecordFilter,
  RunCellCounts,
  RunFilter,
  TaskIdPage,
} from './corpus';
export { CorpusError } from './corpus-error';
export { type BlobLine, blobLineSchema, type CorpusLine, corpusLineSchema } from './corpus-line';
export { CorpusVersionError } from './corpus-version-error';
export { type ExportFilter, type ExportSummary, exportJsonl } from './export-jsonl';
export { type FlywheelRecord, flywheelRecordId, flywheelRecordSchema } from './flywheel-record';
export { type GateRecord, gateRecordSchema } from './gate-record';
export { type ImportSummary, importJsonl } from './import-jsonl';
export { type ImportedBefore, InvalidRecordError, type RecordIssue } from './invalid-record-error';
export { type IterationRecord, iterationRecordSchema } from './iteration-record';
export {
  type LibraryRecord,
  type LibrarySource,
  libraryRecordSchema,
  librarySourceSchema,
} from './library-record';
export { defaultCorpusUrl, openCorpus } from './open-corpus';
export {
  mutableOptimizationFields,
  type ObjectiveSpec,
  type OptimizationRecord,
  type OptimizerSpend,
  objectiveSpecSchema,
  optimizationRecordSchema,
  optimizerSpendSchema,
} from './optimization-record';
export {
  parseCellRecord,
  parseCorpusLine,
  parseOptimizationRecord,
  parseOptimizerRecord,
  parseRunManifest,
  parseRunRecord,
  parseVerdict,
  type RecordLocation,
} from './parse-record';
export { parseStoreUrl, type StoreLocation, type StoreScheme } from './parse-store-url';
export { ProtectedRunError } from './protected-run-error';
export { RecordConflictError, type StoredRecordKind } from './record-conflict-error';
export { RecordNotFoundError } from './record-not-found-error';
export { RecordUpgradeError } from './record-upgrade-error';
export { type RecordedSequentialStop, recordedSequentialStop } from './recorded-sequential-stop';
export { resolveStoreUrl } from './resolve-store-url';
export {
  type ArmSpec,
  armSpecSchema,
  mutableManifestFields,
  type RunManifest,
  runManifestSchema,
} from './run-manifest';
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
export {
  type ColumnCondition,
  optimizerFilterColumns,
  recordFilterConditions,
  runFilterConditions,
} from './store-columns';
export { storeFilePath } from './store-file-path';
export type { OpenCorpusOptions, StoreOpener } from './store-opener';
export { registerStore } from './store-registry';
export { UnsupportedStoreError } from './unsupported-store-error';
export { upgradeRecord } from './upgrade-record';
export { type Usage, unmeasuredUsage, usageSchema } from './usage';
export {
  type ObjectiveDirection,
  type ObjectiveScore,
  objectiveDirectionSchema,
  objectiveScoreSchema,
  type Verdict,
  verdictSchema,
} from './verdict';
