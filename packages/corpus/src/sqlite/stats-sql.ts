const sameCell = 'c.run_id = a.run_id AND c.arm_id = a.arm_id AND c.task_id = a.task_id AND c.replicate = a.replicate';

/** Per benchmark: runs, cells, and attempts by what they are part of (see `AttemptCounts`). */
export const statsByBenchmarkSql = `
  WITH listed AS (SELECT DISTINCT j.value AS record_id FROM cells, json_each(cells.body, '$.attemptIds') j),
  attempt_counts AS (
    SELECT a.benchmark,
      COUNT(*) AS attempts,
      SUM(a.record_id IN (SELECT record_id FROM listed)) AS attemptsInCells,
      SUM(EXISTS (SELECT 1 FROM cells c WHERE ${sameCell} AND c.try_number > a.try_number)) AS abandonedAttempts,
      SUM(NOT EXISTS (SELECT 1 FROM cells c WHERE ${sameCell})) AS unfinishedAttempts
    FROM attempts a GROUP BY a.benchmark
  )
  SELECT b.benchmark,
    (SELECT COUNT(*) FROM manifests m WHERE m.benchmark = b.benchmark) AS runs,
    COALESCE(n.attempts, 0) AS attempts,
    COALESCE(n.attemptsInCells, 0) AS attemptsInCells,
    COALESCE(n.abandonedAttempts, 0) AS abandonedAttempts,
    COALESCE(n.unfinishedAttempts, 0) AS unfinishedAttempts,
    (SELECT COUNT(*) FROM cells c WHERE c.benchmark = b.benchmark) AS cells
  FROM (SELECT benchmark FROM manifests UNION SELECT benchmark FROM attempts UNION SELECT benchmark FROM cells) b
  LEFT JOIN attempt_counts n ON n.benchmark = b.benchmark
  ORDER BY b.benchmark`;
