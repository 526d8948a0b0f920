import type { AttemptCounts, CorpusStats } from '@ratchet/corpus';
import { latestPostgresSchemaVersion } from './migrations';
import type { SqlClient } from './sql-client';

const sameCell = 'c.run_id = a.run_id AND c.arm_id = a.arm_id AND c.task_id = a.task_id AND c.replicate = a.replicate';

/** Per benchmark: runs, cells, and attempts by what they are part of (see `AttemptCounts`); the SQLite query in PostgreSQL. */
const statsByBenchmarkSql = `
  WITH listed AS (
    SELECT DISTINCT j.value AS record_id FROM cells CROSS JOIN LATERAL json_array_elements_text(cells.body::json -> 'attemptIds') j
  ),
  attempt_counts AS (
    SELECT a.benchmark,
      COUNT(*) AS attempts,
      COUNT(*) FILTER (WHERE a.record_id IN (SELECT record_id FROM listed)) AS "attemptsInCells",
      COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM cells c WHERE ${sameCell} AND c.try_number > a.try_number)) AS "abandonedAttempts",
      COUNT(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM cells c WHERE ${sameCell})) AS "unfinishedAttempts"
    FROM attempts a GROUP BY a.benchmark
  )
  SELECT b.benchmark,
    (SELECT COUNT(*) FROM manifests m WHERE m.benchmark = b.benchmark) AS runs,
    COALESCE(n.attempts, 0) AS attempts,
    COALESCE(n."attemptsInCells", 0) AS "attemptsInCells",
    COALESCE(n."abandonedAttempts", 0) AS "abandonedAttempts",
    COALESCE(n."unfinishedAttempts", 0) AS "unfinishedAttempts",
    (SELECT COUNT(*) FROM cells c WHERE c.benchmark = b.benchmark) AS cells
  FROM (SELECT benchmark FROM manifests UNION SELECT benchmark FROM attempts UNION SELECT benchmark FROM cells) b
  LEFT JOIN attempt_counts n ON n.benchmark = b.benchmark
  ORDER BY b.benchmark`;

/** The store's `stats()`: counts overall and per benchmark, its schema version, and where it is. */
export async function readStats(client: SqlClient, location: string): Promise<CorpusStats> {
  const benchmarks = (await client.query<CorpusStats['benchmarks'][number]>(statsByBenchmarkSql)).rows;
  const totals = (
    await client.query<{ runs: number; cells: number; blobs: number; blobBytes: number }>(
      `SELECT (SELECT COUNT(*) FROM manifests) AS runs, (SELECT COUNT(*) FROM cells) AS cells,
        (SELECT COUNT(*) FROM blobs) AS blobs, (SELECT COALESCE(SUM(bytes), 0) FROM blobs) AS "blobBytes"`,
    )
  ).rows[0] as { runs: number; cells: number; blobs: number; blobBytes: number };
  const total = (field: keyof AttemptCounts) => benchmarks.reduce((sum, row) => sum + row[field], 0);
  return {
    runs: totals.runs,
    attempts: total('attempts'),
    attemptsInCells: total('attemptsInCells'),
    abandonedAttempts: total('abandonedAttempts'),
    unfinishedAttempts: total('unfinishedAttempts'),
    cells: totals.cells,
    blobs: totals.blobs,
    blobBytes: totals.blobBytes,
    benchmarks,
    schemaVersion: latestPostgresSchemaVersion,
    location,
  };
}
