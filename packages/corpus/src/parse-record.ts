import type { z } from 'zod';
import { type CellRecord, cellRecordSchema } from './cell-record';
import { type CorpusLine, corpusLineSchema } from './corpus-line';
import { InvalidRecordError, type RecordIssue } from './invalid-record-error';
import { type RunManifest, runManifestSchema } from './run-manifest';
import { type RunRecord, runRecordSchema } from './run-record';
import { recordSchemaVersion } from './schema-version';
import { type Verdict, verdictSchema } from './verdict';

export interface RecordLocation {
  source?: string;
  line?: number;
}

function issuesOf(error: z.ZodError): RecordIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Refuses records from a newer schema with a message that says what to do, before field checks. */
function assertReadableVersion(value: unknown, location: RecordLocation, what: string): void {
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version > recordSchemaVersion) {
    throw new InvalidRecordError({
      ...location,
      what,
      issues: [
        {
          path: 'schemaVersion',
          message: `${version} was written by a newer Ratchet (this one reads up to ${recordSchemaVersion}); upgrade @ratchet/corpus`,
        },
      ],
    });
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, location: RecordLocation, what: string): T {
  assertReadableVersion(value, location, what);
  const result = schema.safeParse(value);
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

/** Validates one interchange line (manifest, attempt, cell or blob), chosen by its `kind`. */
export function parseCorpusLine(value: unknown, location: RecordLocation = {}): CorpusLine {
  return parseWith(corpusLineSchema, value, location, 'corpus line');
}

export function parseVerdict(value: unknown, location: RecordLocation = {}): Verdict {
  const result = verdictSchema.safeParse(value);
  if (!result.success) throw new InvalidRecordError({ ...location, what: 'verdict', issues: issuesOf(result.error) });
  return result.data;
}
