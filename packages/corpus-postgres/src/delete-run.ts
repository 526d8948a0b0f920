import { type DeletedRun, ProtectedRunError, RecordNotFoundError } from '@ratchet/corpus';
import type { SqlClient } from './sql-client';

/** Every sha256 a body mentions (a blob is kept while any other body names it), found by the server. */
const digestsIn = (bodies: string) =>
  `SELECT DISTINCT m[1] AS digest FROM (${bodies}) b CROSS JOIN LATERAL regexp_matches(b.body, '([0-9a-f]{64})', 'g') m`;

/**
 * Deletes one run's manifest, attempts and cells, then the blobs they referenced that no remaining
 * record mentions, in the caller's transaction: the SQLite store's `deleteRun`, with the digest scans
 * done in SQL. The optimizer's tables are never written; a run a gate record names, or whose train/val
 * cells share a task with another run's holdout cells, is refused before anything is deleted.
 *
 * @throws {RecordNotFoundError} when no manifest has this run id.
 * @throws {ProtectedRunError} when the run is a gate's evidence or shows a split overlap.
 */
export async function deleteRun(tx: SqlClient, runId: string): Promise<DeletedRun> {
  // Locks the manifest: a second deleteRun of the same run waits, then finds nothing.
  const manifest = await tx.query('SELECT 1 FROM manifests WHERE run_id = $1 FOR UPDATE', [runId]);
  if (manifest.rows.length === 0) throw new RecordNotFoundError({ recordKind: 'manifest', id: runId });
  await assertDeletable(tx, runId);
  const referenced = await tx.query<{ digest: string }>(
    digestsIn('SELECT body FROM attempts WHERE run_id = $1 UNION ALL SELECT body FROM cells WHERE run_id = $1'),
    [runId],
  );
  const attempts = (await tx.query('DELETE FROM attempts WHERE run_id = $1', [runId])).rowCount;
  const cells = (await tx.query('DELETE FROM cells WHERE run_id = $1', [runId])).rowCount;
  await tx.query('DELETE FROM manifests WHERE run_id = $1', [runId]);
  const stored = await tx.query<{ sha256: string }>('SELECT sha256 FROM blobs WHERE sha256 = ANY($1::text[])', [
    referenced.rows.map((row) => row.digest),
  ]);
  const candidates = new Set(stored.rows.map((row) => row.sha256));
  if (candidates.size > 0) {
    const stillNamed = await tx.query<{ digest: string }>(
      `SELECT digest FROM (${digestsIn(
        `SELECT body FROM attempts UNION ALL SELECT body FROM cells UNION ALL SELECT body FROM manifests
         UNION ALL SELECT body FROM optimizations UNION ALL SELECT body FROM optimizer_records`,
      )}) d WHERE digest = ANY($1::text[])`,
      [[...candidates]],
    );
    for (const row of stillNamed.rows) candidates.delete(row.digest);
  }
  if (candidates.size > 0) await tx.query('DELETE FROM blobs WHERE sha256 = ANY($1::text[])', [[...candidates]]);
  return { runId, attempts, cells, blobs: candidates.size };
}

async function assertDeletable(tx: SqlClient, runId: string): Promise<void> {
  const gates = await tx.query<{ record_id: string }>(
    // The holdout run, or any batch run of a sequential gate (`runIds`).
    `SELECT record_id FROM optimizer_records WHERE kind = 'gate'
       AND (body::json ->> 'runId' = $1 OR COALESCE(body::jsonb -> 'runIds', '[]'::jsonb) @> jsonb_build_array($1::text))
     ORDER BY record_id`,
    [runId],
  );
  if (gates.rows.length > 0) {
    const ids = gates.rows.map((gate) => gate.record_id);
    throw new ProtectedRunError({
      runId,
      reason: `it is the holdout run behind the gate decision ${ids.join(', ')} (the holdout ledger): a spent holdout stays spent, with its evidence`,
      gateRecordIds: ids,
    });
  }
  const overlap = await tx.query<{ taskId: string; holdoutRun: string }>(
    `SELECT DISTINCT c.task_id AS "taskId", h.run_id AS "holdoutRun" FROM cells c
       JOIN cells h ON h.benchmark = c.benchmark AND h.task_id = c.task_id
     WHERE c.run_id = $1 AND c.split != 'holdout' AND h.split = 'holdout' AND h.run_id != c.run_id
     ORDER BY c.task_id, h.run_id LIMIT 5`,
    [runId],
  );
  if (overlap.rows.length > 0) {
    throw new ProtectedRunError({
      runId,
      reason: `its train/val cells share tasks with holdout cells of other runs (${overlap.rows.map((row) => `${row.taskId} held out in ${row.holdoutRun}`).join(', ')}); the split check of every later gate reads them`,
    });
  }
}
