import type { z } from 'zod';
import { candidateRecordSchema } from './candidate-record';
import { type CellRecord, cellRecordSchema } from './cell-record';
import { compiledSchema } from './compiled-schema';
import type { OptimizerRecord } from './corpus';
import { type CorpusLine, corpusLineSchema } from './corpus-line';
import { flywheelRecordSchema } from './flywheel-record';
import { gateRecordSchema } from './gate-record';
import { InvalidRecordError, type RecordIssue } from './invalid-record-error';
import { iterationRecordSchema } from './iteration-record';
import { libraryRecordSchema } from './library-record';
import { type OptimizationRecord, optimizationRecordSchema } from './optimization-record';
import { RecordUpgradeError } from './record-upgrade-error';
import { type RunManifest, runManifestSchema } from './run-manifest';
import { type RunRecord, runRecordSchema } from './run-record';
import { recordSchemaVersion } from './schema-version';
import { upgradeRecord } from './upgrade-record';
import { type Verdict, verdictSchema } from './verdict';

export interface RecordLocation {
  source?: string;
  line?: number;
}

function issuesOf(error: z.ZodError): RecordIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Refuses records from another schema with a message that says what to do, before field checks: a
 * newer one needs a newer Ratchet; an older one is upgraded only where old data is read (interchange
 * lines, store migrations), never on the write path.
 */
function assertCurrentVersion(value: unknown, location: RecordLocation, what: string): void {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version !== 'number' || version === recordSchemaVersion) return;
  const message =
    version > recordSchemaVersion
      ? `${version} was written by a newer Ratchet (this one reads up to ${recordSchemaVersion}); upgrade @ratchet/corpus`
      : `${version} is an older record schema; records are written as version ${recordSchemaVersion} (upgradeRecord() upgrades an old one, importJsonl does it for interchange files)`;
  throw new InvalidRecordError({ ...location, what, issues: [{ path: 'schemaVersion', message }] });
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, location: RecordLocation, what: string): T {
  assertCurrentVersion(value, location, what);
  const result = compiledSchema(schema).safeParse(value);
  if (!result.success) throw new InvalidRecordError({ ...location, what, issues: issuesOf(result.error) });
  return result.data;
}

/** Validates one attempt record; throws `InvalidRecordError` naming every bad field. */
export function parseRunRecord(value: unknown, location: RecordLocation = {}): RunRecord {
  return parseWith(runRecordSchema, value, location, 'attempt record');
}

export function parseCellRecord(value: unknown, location: RecordLocation = {}): CellRecord {
  return parseWith(cellRecordSchema, value, location, 'cell record');
}

export function parseRunManifest(value: unknown, location: RecordLocation = {}): RunManifest {
  return parseWith(runManifestSchema, value, location, 'run manifest');
}

/** Validates one optimization record; throws `InvalidRecordError` naming every bad field. */
export function parseOptimizationRecord(value: unknown, location: RecordLocation = {}): OptimizationRecord {
  return parseWith(optimizationRecordSchema, value, location, 'optimization record');
}

const optimizerSchemas = {
  candidate: candidateRecordSchema,
  iteration: iterationRecordSchema,
  gate: gateRecordSchema,
  library: libraryRecordSchema,
  flywheel: flywheelRecordSchema,
} as const;

function isOptimizerKind(kind: unknown): kind is keyof typeof optimizerSchemas {
  return typeof kind === 'string' && Object.hasOwn(optimizerSchemas, kind);
}

/**
 * Validates one candidate, iteration, gate, library or flywheel record, chosen by its `kind`.
 *
 * @throws {InvalidRecordError} naming each bad field, or `kind` when it is none of the five.
 */
export function parseOptimizerRecord(value: unknown, location: RecordLocation = {}): OptimizerRecord {
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (!isOptimizerKind(kind)) {
    const message = `must be 'candidate', 'iteration', 'gate', 'library' or 'flywheel' (optimizations are written with putOptimization)`;
    throw new InvalidRecordError({ ...location, what: 'optimizer record', issues: [{ path: 'kind', message }] });
  }
  const schema: z.ZodType<OptimizerRecord> = optimizerSchemas[kind];
  return parseWith(schema, value, location, `${kind} record`);
}

/**
 * Validates one interchange line (manifest, attempt, cell, optimization, candidate, iteration, gate,
 * library, flywheel decision or blob), chosen by its `kind`. Lines of record schema 1, as exports made before schema 2
 * wrote them, are upgraded first (`upgradeRecord`).
 *
 * @throws {InvalidRecordError} naming each bad field; for a v1 cell chosen by `'oracle'`, which cannot
 *   be upgraded honestly, the issue is on `chosenBy`.
 */
export function parseCorpusLine(value: unknown, location: RecordLocation = {}): CorpusLine {
  let upgraded: unknown;
  try {
    upgraded = upgradeRecord(value);
  } catch (error) {
    if (!RecordUpgradeError.isInstance(error)) throw error;
    const issue = {
      path: error.field,
      message: `${error.recordKind} "${error.id}" cannot be upgraded: ${error.reason}`,
    };
    throw new InvalidRecordError({ ...location, what: 'corpus line', issues: [issue], cause: error });
  }
  return parseWith(corpusLineSchema, upgraded, location, 'corpus line');
}

export function parseVerdict(value: unknown, location: RecordLocation = {}): Verdict {
  const result = compiledSchema(verdictSchema).safeParse(value);
  if (!result.success) throw new InvalidRecordError({ ...location, what: 'verdict', issues: issuesOf(result.error) });
  return result.data;
}
