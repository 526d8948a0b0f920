import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { canonicalJson } from '../canonical-json';
import type { JsonValue } from '../common-schemas';
import type { AppendResult } from '../corpus';
import { RecordConflictError } from '../record-conflict-error';
import { RecordNotFoundError } from '../record-not-found-error';
import type { RunRecord } from '../run-record';
import type { Verdict } from '../verdict';
import { writeTransaction } from './write-transaction';

/**
 * Writes verdicts judged after their attempts were recorded, in one write transaction. Each attempt
 * gets its verdict once: the same verdict again is a retried write, a different one a conflict.
 */
export function attachVerdicts(
  db: DatabaseSync,
  prepare: (sql: string) => StatementSync,
  verdicts: ReadonlyArray<{ recordId: string; verdict: Verdict }>,
): AppendResult {
  return writeTransaction(db, () => {
    let inserted = 0;
    for (const { recordId, verdict } of verdicts) {
      const row = prepare('SELECT body FROM attempts WHERE record_id = ?').get(recordId) as
        | { body: string }
        | undefined;
      if (!row) throw new RecordNotFoundError({ recordKind: 'attempt', id: recordId });
      const record = JSON.parse(row.body) as RunRecord;
      if (record.verdict !== null) {
        if (canonicalJson(record.verdict as JsonValue) === canonicalJson(verdict as JsonValue)) continue;
        throw new RecordConflictError({
          recordKind: 'attempt',
          id: recordId,
          detail: 'it already has a different verdict',
        });
      }
      prepare('UPDATE attempts SET body = ? WHERE record_id = ?').run(JSON.stringify({ ...record, verdict }), recordId);
      inserted++;
    }
    return { inserted, duplicates: verdicts.length - inserted };
  });
}
