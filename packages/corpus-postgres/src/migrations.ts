import { CorpusVersionError } from '@ratchet/corpus';
import type { SqlClient, SqlDatabase } from './sql-client';

export interface PostgresMigration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The PostgreSQL corpus schema, one step per version; its own numbering (it started at the SQLite store's
 * schema 3, so it needs none of SQLite's steps from record schema 1). Append new steps; never edit a
 * released one. Text keys are `COLLATE "C"`: ids and timestamps sort byte by byte, as SQLite sorts
 * them, so both stores list and export records in the same order whatever the database's locale.
 * Bodies are the record's JSON as text (not jsonb, which reorders keys), read with `body::json`; a
 * cell's numbers that `pairs()` reads (its verdict's scores, its spend) are also kept as `metrics`, in
 * jsonb, so a pair query over many cells parses no body (see `cellMetrics`).
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    description: 'manifests, attempts, cells, blobs, optimizations and optimizer records',
    sql: `
      CREATE TABLE manifests (
        run_id TEXT COLLATE "C" PRIMARY KEY,
        benchmark TEXT COLLATE "C" NOT NULL,
        status TEXT COLLATE "C" NOT NULL,
        started_at TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL
      );
      CREATE TABLE attempts (
        record_id TEXT COLLATE "C" PRIMARY KEY,
        run_id TEXT COLLATE "C" NOT NULL,
        arm_id TEXT COLLATE "C" NOT NULL,
        task_id TEXT COLLATE "C" NOT NULL,
        benchmark TEXT COLLATE "C" NOT NULL,
        split TEXT COLLATE "C" NOT NULL,
        replicate INTEGER NOT NULL,
        try_number INTEGER NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX attempts_by_run ON attempts (run_id, arm_id, task_id);
      CREATE INDEX attempts_by_benchmark ON attempts (benchmark, created_at);
      CREATE INDEX attempts_by_time ON attempts (created_at, record_id);
      CREATE TABLE cells (
        cell_id TEXT COLLATE "C" PRIMARY KEY,
        run_id TEXT COLLATE "C" NOT NULL,
        arm_id TEXT COLLATE "C" NOT NULL,
        task_id TEXT COLLATE "C" NOT NULL,
        benchmark TEXT COLLATE "C" NOT NULL,
        split TEXT COLLATE "C" NOT NULL,
        replicate INTEGER NOT NULL,
        try_number INTEGER NOT NULL,
        status TEXT COLLATE "C" NOT NULL,
        resolved SMALLINT,
        metrics JSONB NOT NULL,
        created_at TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX cells_by_run ON cells (run_id, arm_id, task_id, cell_id);
      CREATE INDEX cells_by_benchmark ON cells (benchmark, task_id);
      CREATE TABLE blobs (
        sha256 TEXT COLLATE "C" PRIMARY KEY,
        media_type TEXT NOT NULL,
        bytes BIGINT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE TABLE optimizations (
        optimization_id TEXT COLLATE "C" PRIMARY KEY,
        benchmark TEXT COLLATE "C" NOT NULL,
        status TEXT COLLATE "C" NOT NULL,
        started_at TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL
      );
      CREATE INDEX optimizations_by_benchmark ON optimizations (benchmark, started_at);
      CREATE TABLE optimizer_records (
        kind TEXT COLLATE "C" NOT NULL,
        record_id TEXT COLLATE "C" NOT NULL,
        optimization_id TEXT COLLATE "C",
        hash TEXT COLLATE "C",
        iteration INTEGER,
        benchmark TEXT COLLATE "C",
        holdout_key TEXT COLLATE "C",
        incumbent_hash TEXT COLLATE "C",
        candidate_hash TEXT COLLATE "C",
        created_at TEXT COLLATE "C" NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (kind, record_id)
      );
      CREATE INDEX optimizer_records_by_optimization ON optimizer_records (kind, optimization_id, iteration);
      CREATE INDEX optimizer_records_by_hash ON optimizer_records (kind, hash);
      CREATE INDEX optimizer_records_by_holdout ON optimizer_records (kind, benchmark, holdout_key, incumbent_hash);
      CREATE INDEX optimizer_records_by_candidate_hash ON optimizer_records (kind, candidate_hash);
    `,
  },
];

export const latestPostgresSchemaVersion = Math.max(...postgresMigrations.map((m) => m.version));

/**
 * The stored schema version, 0 for none. The table is named with its schema, not found through
 * `search_path`: a session whose path named the schema before another session created it may still
 * resolve the path without it (PostgreSQL caches it until invalidations are read), and would then
 * take a migrated corpus for a new one.
 */
async function readVersion(client: SqlClient, schema: string): Promise<number> {
  const table = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [
    `${schema}.meta`,
  ]);
  if (!table.rows[0]?.found) return 0;
  const row = await client.query<{ value: string }>(`SELECT value FROM ${schema}.meta WHERE key = $1`, [
    'schema_version',
  ]);
  return row.rows[0] ? Number(row.rows[0].value) : 0;
}

/**
 * Brings the corpus schema to the newest version this code knows, in one transaction under an advisory
 * lock on the schema's name, re-reading the version under the lock so concurrent openers migrate once.
 * A corpus of a newer schema is refused before anything is written to it.
 *
 * @throws {CorpusVersionError} when the corpus was written by a newer Ratchet (left untouched).
 */
export async function migratePostgres(
  db: SqlDatabase,
  schema: string,
  location: string,
  steps: readonly PostgresMigration[] = postgresMigrations,
): Promise<number> {
  const supported = Math.max(...steps.map((m) => m.version));
  const seen = await readVersion(db, schema);
  if (seen > supported) throw new CorpusVersionError({ location, found: seen, supported });
  if (seen === supported) return seen;
  try {
    return await migrateUnderLock(db, schema, location, steps, supported);
  } catch (error) {
    // Another process migrated while this one waited for the lock, and this session still resolved
    // names from before it (PostgreSQL reads catalog invalidations at a transaction's start, not when
    // an advisory lock is granted): a new transaction sees the migrated schema and does nothing.
    if (!lostMigrationRace(error)) throw error;
    return migrateUnderLock(db, schema, location, steps, supported);
  }
}

/** duplicate_table, duplicate_schema, unique_violation (on the catalog): another migration got there first. */
const lostMigrationRace = (error: unknown) =>
  ['42P07', '42P06', '23505'].includes((error as { code?: string } | null)?.code ?? '');

function migrateUnderLock(
  db: SqlDatabase,
  schema: string,
  location: string,
  steps: readonly PostgresMigration[],
  supported: number,
): Promise<number> {
  return db.transaction(
    async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ratchet-corpus:${schema}`]);
      const current = await readVersion(tx, schema);
      if (current > supported) throw new CorpusVersionError({ location, found: current, supported });
      if (current === 0) {
        await tx.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await tx.query(`CREATE TABLE ${schema}.meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
      }
      for (const step of steps.filter((m) => m.version > current).sort((a, b) => a.version - b.version)) {
        await tx.query(step.sql);
        await tx.query(
          `INSERT INTO ${schema}.meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [String(step.version)],
        );
      }
      return readVersion(tx, schema);
    },
    { idempotent: true },
  );
}
