import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { DeletedRun } from '../corpus';
import { ProtectedRunError } from '../protected-run-error';
import { RecordNotFoundError } from '../record-not-found-error';
import { writeTransaction } from './write-transaction';

/** Every sha256 a stored body mentions; a blob is kept when any other body names it. */
const digestPattern = /[0-9a-f]{64}/g;

/**
 * Deletes one run's manifest, attempts and cells, then the blobs they referenced that no remaining
 * record mentions, in one write transaction. The optimizer's tables (optimizations, candidates,
 * iterations, the holdout ledger's gate records, libraries, flywheel decisions) are never written
 * here; a run a gate record names, or whose train/val cells share a task with another run's holdout
 * cells, is refused before anything is deleted.
 *
 * @throws {RecordNotFoundError} when no manifest has this run id.
 * @throws {ProtectedRunError} when the run is a gate's evidence or shows a split overlap.
 */
export function deleteRun(db: DatabaseSync, prepare: (sql: string) => StatementSync, runId: string): DeletedRun {
  return writeTransaction(db, () => {
    if (!prepare('SELECT 1 AS found FROM manifests WHERE run_id = ?').get(runId)) {
      throw new RecordNotFoundError({ recordKind: 'manifest', id: runId });
    }
    assertDeletable(prepare, runId);
    const referenced = new Set<string>();
    for (const table of ['attempts', 'cells'] as const) {
      for (const row of prepare(`SELECT body FROM ${table} WHERE run_id = ?`).iterate(runId)) {
        for (const digest of (row as { body: string }).body.match(digestPattern) ?? []) referenced.add(digest);
      }
    }
    const attempts = Number(prepare('DELETE FROM attempts WHERE run_id = ?').run(runId).changes);
    const cells = Number(prepare('DELETE FROM cells WHERE run_id = ?').run(runId).changes);
    prepare('DELETE FROM manifests WHERE run_id = ?').run(runId);
    const candidates = new Set(
      [...referenced].filter((digest) => prepare('SELECT 1 AS found FROM blobs WHERE sha256 = ?').get(digest)),
    );
    // One pass over what remains: any body that still names a candidate blob keeps it.
    if (candidates.size > 0) {
      const remaining = prepare(
        `SELECT body FROM attempts UNION ALL SELECT body FROM cells UNION ALL SELECT body FROM manifests
         UNION ALL SELECT body FROM optimizations UNION ALL SELECT body FROM optimizer_records`,
      );
      for (const row of remaining.iterate()) {
        for (const digest of (row as { body: string }).body.match(digestPattern) ?? []) candidates.delete(digest);
        if (candidates.size === 0) break;
      }
    }
    const remove = prepare('DELETE FROM blobs WHERE sha256 = ?');
    for (const digest of candidates) remove.run(digest);
    return { runId, attempts, cells, blobs: candidates.size };
  });
}

function assertDeletable(prepare: (sql: string) => StatementSync, runId: string): void {
  const gates = prepare(
    // The holdout run, or any batch run of a sequential gate (`runIds`).
    `SELECT record_id FROM optimizer_records WHERE kind = 'gate'
       AND (json_extract(body, '$.runId') = ? OR EXISTS (SELECT 1 FROM json_each(body, '$.runIds') WHERE value = ?))
     ORDER BY record_id`,
  ).all(runId, runId) as Array<{ record_id: string }>;
  if (gates.length > 0) {
    const ids = gates.map((gate) => gate.record_id);
    throw new ProtectedRunError({
      runId,
      reason: `it is the holdout run behind the gate decision ${ids.join(', ')} (the holdout ledger): a spent holdout stays spent, with its evidence`,
      gateRecordIds: ids,
    });
  }
  const overlap = prepare(
    `SELECT DISTINCT c.task_id AS taskId, h.run_id AS holdoutRun FROM cells c
       JOIN cells h ON h.benchmark = c.benchmark AND h.task_id = c.task_id
     WHERE c.run_id = ? AND c.split != 'holdout' AND h.split = 'holdout' AND h.run_id != c.run_id
     ORDER BY c.task_id LIMIT 5`,
  ).all(runId) as Array<{ taskId: string; holdoutRun: string }>;
  if (overlap.length > 0) {
    throw new ProtectedRunError({
      runId,
      reason: `its train/val cells share tasks with holdout cells of other runs (${overlap.map((row) => `${row.taskId} held out in ${row.holdoutRun}`).join(', ')}); the split check of every later gate reads them`,
    });
  }
}
