import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { openCorpus, parseRunRecord, type RunRecord } from '@ratchet/corpus';

/** The columns the SQLite store writes for an attempt, in its insert order. */
type AttemptRow = [string, string, string, string, string, string, number, number, string, string];

/** The rows the store would write for these records: its columns and its body text (zod's parse, stringified). */
export function attemptRows(records: readonly RunRecord[]): AttemptRow[] {
  return records.map((record) => {
    const parsed = parseRunRecord(record);
    return [
      ...[parsed.recordId, parsed.runId, parsed.armId, parsed.taskId, parsed.benchmark, parsed.split],
      ...[parsed.replicate, parsed.try, parsed.createdAt, JSON.stringify(parsed)],
    ] as AttemptRow;
  });
}

/**
 * A table to insert into, in a fresh file: `store` is the store's own schema (made by openCorpus, so
 * its indexes and page size), `no-secondary-indexes` the same without `attempts_by_run` and
 * `attempts_by_benchmark`, `id-and-body` a table of the primary key and the body, `ids-only` the key
 * and the seven filter columns with no body.
 */
export type RawTable = 'store' | 'no-secondary-indexes' | 'id-and-body' | 'ids-only';

const storeInsert = `INSERT OR IGNORE INTO attempts (record_id, run_id, arm_id, task_id, benchmark, split,
  replicate, try_number, created_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
// Positional arguments, as the store passes them.
const bindAll = (insert: StatementSync, r: AttemptRow) =>
  insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]);

const inserts: Record<RawTable, { sql: string; bind: (insert: StatementSync, row: AttemptRow) => unknown }> = {
  store: { sql: storeInsert, bind: bindAll },
  'no-secondary-indexes': { sql: storeInsert, bind: bindAll },
  'id-and-body': {
    sql: 'INSERT OR IGNORE INTO minimal (record_id, body) VALUES (?, ?)',
    bind: (insert, r) => insert.run(r[0], r[9]),
  },
  'ids-only': {
    sql: `INSERT OR IGNORE INTO minimal (record_id, run_id, arm_id, task_id, benchmark, split, replicate,
      try_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    bind: (insert, r) => insert.run(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7]),
  },
};

/**
 * Records/s that node:sqlite reaches inserting `count` attempts' rows, `batch` per transaction, with the
 * store's pragmas (16 KiB pages, WAL, 32 MiB cache, synchronous NORMAL) and `BEGIN IMMEDIATE`, as the
 * store does. Rows are made outside the clock, so this is SQLite's own cost: the ceiling for the store.
 */
export async function rawAppendRate(
  dir: string,
  table: RawTable,
  rows: (start: number, end: number) => AttemptRow[],
  count: number,
  batch: number,
): Promise<number> {
  const path = join(dir, `raw-${table}.db`);
  // The store makes the file: its schema, its indexes, its page size and WAL mode.
  await (await openCorpus(`sqlite:${path}`)).close();
  const db = new DatabaseSync(path);
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA cache_size = -32768');
    db.exec('PRAGMA synchronous = NORMAL');
    if (table === 'no-secondary-indexes') db.exec('DROP INDEX attempts_by_run; DROP INDEX attempts_by_benchmark');
    if (table === 'id-and-body')
      db.exec('CREATE TABLE minimal (record_id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT');
    if (table === 'ids-only') {
      db.exec(`CREATE TABLE minimal (record_id TEXT PRIMARY KEY, run_id TEXT NOT NULL, arm_id TEXT NOT NULL,
        task_id TEXT NOT NULL, benchmark TEXT NOT NULL, split TEXT NOT NULL, replicate INTEGER NOT NULL,
        try_number INTEGER NOT NULL) STRICT`);
    }
    const { sql, bind } = inserts[table];
    const insert = db.prepare(sql);
    let elapsed = 0;
    for (let start = 0; start < count; start += batch) {
      const values = rows(start, Math.min(count, start + batch));
      const started = performance.now();
      db.exec('BEGIN IMMEDIATE');
      for (const row of values) bind(insert, row);
      db.exec('COMMIT');
      elapsed += performance.now() - started;
    }
    return count / (elapsed / 1000);
  } finally {
    db.close();
  }
}
