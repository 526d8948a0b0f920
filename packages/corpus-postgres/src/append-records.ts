import {
  type AppendResult,
  assertSameRecord,
  type CellRecord,
  cellAppendOutcome,
  type JsonValue,
  type RunRecord,
} from '@ratchet/corpus';
import type { SqlClient } from './sql-client';

type Row = { record: RunRecord | CellRecord; id: string; body: string };

const insertAttemptsSql = `INSERT INTO attempts (record_id, run_id, arm_id, task_id, benchmark, split, replicate,
    try_number, created_at, body)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
    $9::text[], $10::text[])
  ON CONFLICT (record_id) DO NOTHING RETURNING record_id AS id`;

const insertCellsSql = `INSERT INTO cells (cell_id, run_id, arm_id, task_id, benchmark, split, replicate, try_number,
    status, resolved, metrics, created_at, body)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[],
    $9::text[], $10::smallint[], $11::jsonb[], $12::text[], $13::text[])
  ON CONFLICT (cell_id) DO NOTHING RETURNING cell_id AS id`;

/** The `resolved` column of a cell: 1, 0, or null when it has no verdict. */
export function verdictResolved(cell: CellRecord): number | null {
  return cell.verdict === null ? null : Number(cell.verdict.resolved);
}

/**
 * What `pairs()` reads from a cell, as the jsonb `metrics` column: the values of its verdict's scores and
 * its spend, at the same paths as in the body (`verdict.scores.NAME.value`, `spend.NAME`), so one path
 * reads either. Parsing ~1 KB of body per cell made a pair query on an objective 4× slower than SQLite's.
 */
export function cellMetrics(cell: CellRecord): string {
  const scores = Object.fromEntries(
    Object.entries(cell.verdict?.scores ?? {}).map(([name, score]) => [name, { value: score.value }]),
  );
  return JSON.stringify({ verdict: cell.verdict === null ? null : { scores }, spend: cell.spend });
}

/** The first row of each id, sorted by id: every writer then takes row locks in the same order. */
function firstOfEachId(rows: Row[]): Row[] {
  const seen = new Map<string, Row>();
  for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, row);
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const column = <T>(rows: Row[], pick: (record: RunRecord | CellRecord) => T) => rows.map((row) => pick(row.record));
const cellColumn = <T>(rows: Row[], pick: (cell: CellRecord) => T) => rows.map((row) => pick(row.record as CellRecord));

async function insertAttempts(tx: SqlClient, rows: Row[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await tx.query<{ id: string }>(insertAttemptsSql, [
    rows.map((row) => row.id),
    ...[column(rows, (r) => r.runId), column(rows, (r) => r.armId), column(rows, (r) => r.taskId)],
    ...[column(rows, (r) => r.benchmark), column(rows, (r) => r.split), column(rows, (r) => r.replicate)],
    ...[column(rows, (r) => r.try), column(rows, (r) => r.createdAt), rows.map((row) => row.body)],
  ]);
  return new Set(result.rows.map((row) => row.id));
}

async function insertCells(tx: SqlClient, rows: Row[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await tx.query<{ id: string }>(insertCellsSql, [
    rows.map((row) => row.id),
    ...[column(rows, (r) => r.runId), column(rows, (r) => r.armId), column(rows, (r) => r.taskId)],
    ...[column(rows, (r) => r.benchmark), column(rows, (r) => r.split), column(rows, (r) => r.replicate)],
    ...[column(rows, (r) => r.try), cellColumn(rows, (c) => c.status), cellColumn(rows, verdictResolved)],
    cellColumn(rows, cellMetrics),
    ...[column(rows, (r) => r.createdAt), rows.map((row) => row.body)],
  ]);
  return new Set(result.rows.map((row) => row.id));
}

/**
 * A cell id appended again: a duplicate, or a later try replacing an infra cell (`cellAppendOutcome`
 * decides, and refuses anything else). The row is locked first, so two writers replacing the same infra
 * cell take turns and the second sees the first's replacement.
 */
async function rewriteCell(tx: SqlClient, cell: CellRecord, body: string): Promise<'duplicate' | 'replace'> {
  const stored = await tx.query<{ body: string }>('SELECT body FROM cells WHERE cell_id = $1 FOR UPDATE', [
    cell.cellId,
  ]);
  const existing = stored.rows[0]?.body as string;
  if (existing === body) return 'duplicate';
  const outcome = cellAppendOutcome(JSON.parse(existing) as CellRecord, cell);
  if (outcome === 'replace') {
    await tx.query(
      `UPDATE cells SET try_number = $1, status = $2, resolved = $3, metrics = $4::jsonb, created_at = $5, body = $6
       WHERE cell_id = $7`,
      [cell.try, cell.status, verdictResolved(cell), cellMetrics(cell), cell.createdAt, body, cell.cellId],
    );
  }
  return outcome;
}

/**
 * Writes validated attempts and cells in the caller's transaction with the SQLite store's rules: a new
 * id is inserted, the same record again is a duplicate, a different one is a `RecordConflictError`, a
 * later try may replace an infra cell. New rows go in one multi-row `INSERT … ON CONFLICT DO NOTHING`
 * per table (a round trip per batch, not per record); only ids already present are then compared, in
 * batch order, so the result is what appending the records one by one gives.
 */
export async function appendRecords(
  tx: SqlClient,
  records: ReadonlyArray<RunRecord | CellRecord>,
): Promise<AppendResult> {
  const rows: Row[] = records.map((record) => ({
    record,
    id: record.kind === 'cell' ? record.cellId : record.recordId,
    body: JSON.stringify(record),
  }));
  const attempts = rows.filter((row) => row.record.kind !== 'cell');
  const cells = rows.filter((row) => row.record.kind === 'cell');
  const newAttempts = await insertAttempts(tx, firstOfEachId(attempts));
  const newCells = await insertCells(tx, firstOfEachId(cells));
  let inserted = newAttempts.size + newCells.size;
  const claimed = new Set<string>();
  const isFirstInsert = (fresh: Set<string>, row: Row) => {
    if (!fresh.has(row.id) || claimed.has(row.id)) return false;
    claimed.add(row.id);
    return true;
  };
  // Attempts already stored: one read for all of them, then compared.
  const stored = attempts.filter((row) => !isFirstInsert(newAttempts, row));
  if (stored.length > 0) {
    const found = await tx.query<{ id: string; body: string }>(
      'SELECT record_id AS id, body FROM attempts WHERE record_id = ANY($1::text[])',
      [stored.map((row) => row.id)],
    );
    const bodies = new Map(found.rows.map((row) => [row.id, row.body]));
    for (const row of stored) {
      const existing = bodies.get(row.id) as string;
      if (existing !== row.body) assertSameRecord('attempt', row.id, JSON.parse(existing), row.record as JsonValue);
    }
  }
  claimed.clear();
  for (const row of cells) {
    if (isFirstInsert(newCells, row)) continue;
    if ((await rewriteCell(tx, row.record as CellRecord, row.body)) === 'replace') inserted++;
  }
  return { inserted, duplicates: rows.length - inserted };
}
