import type { RunCellCounts, TaskIdPage } from '@ratchet/corpus';
import type { SqlClient } from './sql-client';
import { pageClause, SqlParams } from './sql-filters';

/** Cell counts per run, summed in SQL so no cell body is read (a runs list over a large corpus). */
export async function readRunCellCounts(client: SqlClient, runIds: readonly string[]): Promise<RunCellCounts[]> {
  if (runIds.length === 0) return [];
  const { rows } = await client.query<RunCellCounts>(
    `SELECT run_id AS "runId", COUNT(*) AS cells, COUNT(*) FILTER (WHERE status = 'infra') AS infra,
      COUNT(resolved) AS judged, COALESCE(SUM(resolved), 0) AS resolved
    FROM cells WHERE run_id = ANY($1::text[]) GROUP BY run_id`,
    [[...runIds]],
  );
  const byRun = new Map(rows.map((row) => [row.runId, row]));
  return runIds.flatMap((runId) => {
    const row = byRun.get(runId);
    return row ? [{ runId, cells: row.cells, infra: row.infra, judged: row.judged, resolved: row.resolved }] : [];
  });
}

/** One page of the distinct task ids of a run's cells, in id order, and how many there are. */
export async function readRunTaskIds(
  client: SqlClient,
  runId: string,
  page: { limit?: number | undefined; offset?: number | undefined },
): Promise<TaskIdPage> {
  const params = new SqlParams([runId]);
  const paged = pageClause(params, page);
  const { rows } = await client.query<{ taskId: string }>(
    `SELECT DISTINCT task_id AS "taskId" FROM cells WHERE run_id = $1 ORDER BY "taskId"${paged}`,
    params.values,
  );
  const total = await client.query<{ total: number }>(
    'SELECT COUNT(DISTINCT task_id) AS total FROM cells WHERE run_id = $1',
    [runId],
  );
  return { taskIds: rows.map((row) => row.taskId), total: total.rows[0]?.total ?? 0 };
}
