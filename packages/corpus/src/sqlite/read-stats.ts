import type { StatementSync } from 'node:sqlite';
import type { AttemptCounts, CorpusStats } from '../corpus';
import { latestSchemaVersion } from './migrations';
import { statsByBenchmarkSql } from './stats-sql';

/** The store's `stats()`: counts overall and per benchmark, its schema version, and where it is. */
export function readStats(prepare: (sql: string) => StatementSync, location: string): CorpusStats {
  const count = (sql: string) => (prepare(sql).get() as { n: number }).n;
  const benchmarks = prepare(statsByBenchmarkSql).all() as unknown as CorpusStats['benchmarks'];
  const total = (field: keyof AttemptCounts) => benchmarks.reduce((sum, row) => sum + row[field], 0);
  return {
    runs: count('SELECT COUNT(*) AS n FROM manifests'),
    attempts: total('attempts'),
    attemptsInCells: total('attemptsInCells'),
    abandonedAttempts: total('abandonedAttempts'),
    unfinishedAttempts: total('unfinishedAttempts'),
    cells: count('SELECT COUNT(*) AS n FROM cells'),
    blobs: count('SELECT COUNT(*) AS n FROM blobs'),
    blobBytes: count('SELECT COALESCE(SUM(bytes), 0) AS n FROM blobs'),
    benchmarks,
    schemaVersion: latestSchemaVersion,
    location,
  };
}
