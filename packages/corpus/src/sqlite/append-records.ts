import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { assertSameRecord } from '../assert-same-record';
import type { CellRecord } from '../cell-record';
import type { JsonValue } from '../common-schemas';
import type { AppendResult } from '../corpus';
import { parseCellRecord, parseRunRecord } from '../parse-record';
import type { RunRecord } from '../run-record';
import { rewriteCell } from './rewrite-cell';
import { verdictResolved } from './verdict-resolved';
import { writeTransaction } from './write-transaction';

const insertAttemptSql = `INSERT OR IGNORE INTO attempts (record_id, run_id, arm_id, task_id, benchmark, split,
  replicate, try_number, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
const insertCellSql = `INSERT OR IGNORE INTO cells (cell_id, run_id, arm_id, task_id, benchmark, split, replicate,
  try_number, status, resolved, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** An attempt's row, in `insertAttemptSql`'s column order. */
const attemptRow = (r: RunRecord, body: string) =>
  [r.recordId, r.runId, r.armId, r.taskId, r.benchmark, r.split, r.replicate, r.try, r.createdAt, body] as const;

/** A cell's row, in `insertCellSql`'s column order. */
const cellRow = (r: CellRecord, body: string) =>
  [
    ...[r.cellId, r.runId, r.armId, r.taskId, r.benchmark, r.split, r.replicate, r.try, r.status],
    ...[verdictResolved(r), r.createdAt, body],
  ] as const;

/**
 * Appends attempts and cells in one write transaction. The whole batch is validated and every body
 * written before the write lock is taken, so a bad record writes nothing and the lock is held only for
 * SQLite's own work. A new id is one `INSERT OR IGNORE`; only an id already stored is read back, to tell
 * a retried write from a conflict (attempts) or a replacement (cells, `rewriteCell`).
 *
 * @throws {InvalidRecordError} naming the first bad record (`records[i]`) and its fields.
 * @throws {RecordConflictError} for an id stored with a different record.
 */
export function appendRecords(
  db: DatabaseSync,
  prepare: (sql: string) => StatementSync,
  records: ReadonlyArray<RunRecord | CellRecord>,
): AppendResult {
  const parsed = records.map((record, index) =>
    record?.kind === 'cell'
      ? parseCellRecord(record, { source: `records[${index}]` })
      : parseRunRecord(record, { source: `records[${index}]` }),
  );
  const bodies = parsed.map((record) => JSON.stringify(record));
  const insertAttempt = prepare(insertAttemptSql);
  const insertCell = prepare(insertCellSql);
  return writeTransaction(db, () => {
    let inserted = 0;
    for (let i = 0; i < parsed.length; i++) {
      const record = parsed[i] as RunRecord | CellRecord;
      const body = bodies[i] as string;
      const changes =
        record.kind === 'cell'
          ? insertCell.run(...cellRow(record, body)).changes
          : insertAttempt.run(...attemptRow(record, body)).changes;
      if (changes > 0) {
        inserted++;
      } else if (record.kind === 'cell') {
        if (rewriteCell(prepare, record, body) === 'replace') inserted++;
      } else {
        const existing = prepare('SELECT body FROM attempts WHERE record_id = ?').get(record.recordId) as {
          body: string;
        };
        if (existing.body !== body) {
          assertSameRecord('attempt', record.recordId, JSON.parse(existing.body), record as JsonValue);
        }
      }
    }
    return { inserted, duplicates: parsed.length - inserted };
  });
}
