import type { DatabaseSync } from 'node:sqlite';
import { CorpusVersionError } from '../corpus-version-error';
import { upgradeStoredBodies } from './upgrade-stored-bodies';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** A step SQL cannot express (rewriting JSON bodies), run after `sql` in the same transaction. */
  up?: (db: DatabaseSync, location: string) => void;
}

/** The corpus schema, one step per version. Append new steps; never edit a released one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'manifests, attempt records, cells, blobs',
    sql: `
      CREATE TABLE manifests (
        run_id TEXT PRIMARY KEY,
        benchmark TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE TABLE attempts (
        record_id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        arm_id TEXT NOT NULL,
        task_id TEXT NOT NULL,
        benchmark TEXT NOT NULL,
        split TEXT NOT NULL,
        created_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX attempts_by_run ON attempts (run_id, arm_id, task_id);
      CREATE INDEX attempts_by_benchmark ON attempts (benchmark, created_at);
      CREATE TABLE cells (
        cell_id TEXT PRIMARY KEY,
        run_id TEXT NOT NULL,
        arm_id TEXT NOT NULL,
        task_id TEXT NOT NULL,
        benchmark TEXT NOT NULL,
        split TEXT NOT NULL,
        status TEXT NOT NULL,
        resolved INTEGER,
        created_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cells_by_run ON cells (run_id, arm_id, task_id);
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY,
        media_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        data BLOB NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'record schema 2: bodies upgraded; try and replicate columns on attempts and cells',
    sql: `
      ALTER TABLE attempts ADD COLUMN try_number INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE attempts ADD COLUMN replicate INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE cells ADD COLUMN try_number INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE cells ADD COLUMN replicate INTEGER NOT NULL DEFAULT 0;
    `,
    up: upgradeStoredBodies,
  },
  {
    version: 3,
    description: 'optimizations, and their candidate, iteration and gate records',
    // Record ids are unique per kind (as attempt and cell ids are), hence the (kind, record_id) key.
    sql: `
      CREATE TABLE optimizations (
        optimization_id TEXT PRIMARY KEY,
        benchmark TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        body TEXT NOT NULL
      ) STRICT;
      CREATE INDEX optimizations_by_benchmark ON optimizations (benchmark, started_at);
      CREATE TABLE optimizer_records (
        kind TEXT NOT NULL,
        record_id TEXT NOT NULL,
        optimization_id TEXT,
        hash TEXT,
        iteration INTEGER,
        benchmark TEXT,
        holdout_key TEXT,
        incumbent_hash TEXT,
        candidate_hash TEXT,
        created_at TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (kind, record_id)
      ) STRICT;
      CREATE INDEX optimizer_records_by_optimization ON optimizer_records (kind, optimization_id, iteration);
      CREATE INDEX optimizer_records_by_hash ON optimizer_records (kind, hash);
      CREATE INDEX optimizer_records_by_holdout ON optimizer_records (kind, benchmark, holdout_key, incumbent_hash);
      CREATE INDEX optimizer_records_by_candidate_hash ON optimizer_records (kind, candidate_hash);
    `,
  },
];

export const latestSchemaVersion = Math.max(...migrations.map((m) => m.version));

function readVersion(db: DatabaseSync): number {
  const table = db.prepare("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!table) return 0;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
  return row ? Number(row.value) : 0;
}

/**
 * Brings the database to the newest schema this code knows, in one write transaction, re-reading
 * the version under the lock so concurrent openers migrate once. A database from a newer schema is
 * refused before anything is written to it.
 */
export function migrate(db: DatabaseSync, location: string, steps: readonly Migration[] = migrations): number {
  const supported = Math.max(...steps.map((m) => m.version));
  const seen = readVersion(db);
  if (seen > supported) throw new CorpusVersionError({ location, found: seen, supported });
  if (seen === supported) return seen;
  db.exec('BEGIN IMMEDIATE');
  try {
    const current = readVersion(db);
    if (current > supported) throw new CorpusVersionError({ location, found: current, supported });
    if (current === 0) db.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT');
    for (const step of steps.filter((m) => m.version > current).sort((a, b) => a.version - b.version)) {
      db.exec(step.sql);
      step.up?.(db, location);
      db.prepare(
        "INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(String(step.version));
    }
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return readVersion(db);
}
