import type { CellRecord } from './cell-record';
import { cellRecordSchema } from './cell-record';
import { compileBodyWriter } from './compile-body-writer';
import { parseCellRecord, parseRunRecord } from './parse-record';
import { type RunRecord, runRecordSchema } from './run-record';

const writeAttempt = compileBodyWriter(runRecordSchema);
const writeCell = compileBodyWriter(cellRecordSchema);

/**
 * Validates an attempt or cell record at a store's boundary and gives the JSON body to store: the
 * compiled writer's text when it can vouch for the record, otherwise zod's parse (which throws
 * `InvalidRecordError` naming every bad field) and `JSON.stringify`. Either way the same text.
 */
export function checkedRecordBody(
  record: RunRecord | CellRecord,
  source: string,
): { record: RunRecord | CellRecord; body: string } {
  const isCell = record?.kind === 'cell';
  const body = isCell ? writeCell?.(record) : writeAttempt?.(record);
  if (body !== undefined) return { record, body };
  const parsed = isCell ? parseCellRecord(record, { source }) : parseRunRecord(record, { source });
  return { record: parsed, body: JSON.stringify(parsed) };
}
