import {
  type AppendResult,
  canonicalJson,
  type JsonValue,
  RecordConflictError,
  RecordNotFoundError,
  type RunRecord,
  type Verdict,
} from '@ratchet/corpus';
import type { SqlDatabase } from './sql-client';

/**
 * Writes verdicts judged after their attempts were recorded, in one transaction (rows locked, so two
 * writers cannot both attach one). The same verdict again is a retried write; a different one a conflict.
 */
export function attachVerdicts(
  db: SqlDatabase,
  parsed: ReadonlyArray<{ recordId: string; verdict: Verdict }>,
): Promise<AppendResult> {
  return db.transaction(
    async (tx) => {
      let inserted = 0;
      for (const { recordId, verdict } of parsed) {
        const { rows } = await tx.query<{ body: string }>('SELECT body FROM attempts WHERE record_id = $1 FOR UPDATE', [
          recordId,
        ]);
        if (!rows[0]) throw new RecordNotFoundError({ recordKind: 'attempt', id: recordId });
        const record = JSON.parse(rows[0].body) as RunRecord;
        if (record.verdict !== null) {
          if (canonicalJson(record.verdict as JsonValue) === canonicalJson(verdict as JsonValue)) continue;
          throw new RecordConflictError({
            recordKind: 'attempt',
            id: recordId,
            detail: 'it already has a different verdict',
          });
        }
        await tx.query('UPDATE attempts SET body = $1 WHERE record_id = $2', [
          JSON.stringify({ ...record, verdict }),
          recordId,
        ]);
        inserted++;
      }
      return { inserted, duplicates: parsed.length - inserted };
    },
    { idempotent: true },
  );
}
