import type { StatementSync } from 'node:sqlite';
import type { RunCellCounts, TaskIdPage } from '../corpus';
import { andIn, pageClause } from './sql-filters';

type Prepare = (sql: string) => StatementSync;

/** Cell counts per run, summed in SQL so no cell body is read (a runs list over a large corpus). */
export function readRunCellCounts(prepare: Prepare, runIds: readonly string[]): RunCellCounts[] {
  if (runIds.length === 0) return [];
  const where = andIn({ sql: '', params: [] }, 'run_id', runIds);
  const rows = prepare(
    `SELECT run_id AS runId, COUNT(*) AS cells, SUM(status = 'infra') AS infra,
      COUNT(resolved) AS judged, COALESCE(SUM(resolved), 0) AS resolved
    FROM cells ${where.sql} GROUP BY run_id`,
  ).all(...where.params) as unknown as RunCellCounts[];
  const byRun = new Map(rows.map((row) => [row.runId, row]));
  return runIds.flatMap((runId) => {
    const row = byRun.get(runId);
    return row ? [{ runId, cells: row.cells, infra: row.infra, judged: row.judged, resolved: row.resolved }] : [];
  });
}

/** One page of the distinct task ids of a run's cells, in id order, and how many there are. */
export function readRunTaskIds(
  prepare: Prepare,
  runId: string,
  page: { limit?: number | undefined; offset?: number | undefined },
): TaskIdPage {
  const paged = pageClause(page);
  const rows = prepare(
    `SELECT DISTINCT task_id AS taskId FROM cells WHERE run_id = ? ORDER BY task_id${paged.sql}`,
  ).all(runId, ...paged.params) as Array<{ taskId: string }>;
  const { total } = prepare('SELECT COUNT(DISTINCT task_id) AS total FROM cells WHERE run_id = ?').get(runId) as {
    total: number;
  };
  return { taskIds: rows.map((row) => row.taskId), total };
}
