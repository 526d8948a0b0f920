import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../open-corpus';
import { buildCellRecord, buildFlywheelRecord, buildLibraryRecord, buildRunRecord, corpusContract } from '../test';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'ratchet-sqlite-')), 'corpus.db');

corpusContract('SQLite in memory', () => openCorpus('sqlite::memory:'));
corpusContract('SQLite file', () => openCorpus(`sqlite:${scratch()}`));

describe('SqliteCorpus on a file', () => {
  it('uses WAL, so a reader is not blocked by an open write transaction and sees only committed rows', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.append([buildRunRecord({ recordId: 'committed' })]);
    const writer = new DatabaseSync(path);
    try {
      expect(writer.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
      writer.exec('BEGIN IMMEDIATE');
      writer.exec("UPDATE attempts SET created_at = '2030-01-01T00:00:00.000Z'");
      expect(await corpus.recordIds({ since: '2029-01-01T00:00:00.000Z' })).toEqual([]);
      expect(await corpus.recordIds()).toEqual(['committed']);
      writer.exec('ROLLBACK');
    } finally {
      writer.close();
      await corpus.close();
    }
  });

  it('waits for another process’s write lock for the busy timeout, then fails without writing', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`, { busyTimeoutMs: 300 });
    const other = new DatabaseSync(path);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = performance.now();
      await expect(corpus.append([buildRunRecord()])).rejects.toThrow(/database is locked/);
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
      other.exec('ROLLBACK');
      expect(await corpus.append([buildRunRecord()])).toEqual({ inserted: 1, duplicates: 0 });
    } finally {
      other.close();
      await corpus.close();
    }
  });

  it('writes the try and replicate of every attempt and cell to their own columns', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.append([
      buildRunRecord({ recordId: 'a', try: 2, replicate: 3 }),
      buildCellRecord({ cellId: 'c', try: 2, replicate: 3 }),
    ]);
    await corpus.close();
    const db = new DatabaseSync(path, { readOnly: true });
    expect(db.prepare('SELECT try_number, replicate FROM attempts').all()).toEqual([{ try_number: 2, replicate: 3 }]);
    expect(db.prepare('SELECT try_number, replicate FROM cells').all()).toEqual([{ try_number: 2, replicate: 3 }]);
    db.close();
  });

  it('keeps a library in optimizer_records with only its controller hash as a column, found through an index', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.appendOptimizerRecords([buildLibraryRecord()]);
    await corpus.close();
    const db = new DatabaseSync(path, { readOnly: true });
    const columns = `kind, record_id, optimization_id, hash, iteration, benchmark, holdout_key, incumbent_hash,
      candidate_hash, created_at`;
    expect(db.prepare(`SELECT ${columns} FROM optimizer_records`).all()).toEqual([
      {
        ...{ kind: 'library', record_id: 'library-0123456789abcdef', optimization_id: null, hash: 'feedface' },
        ...{ iteration: null, benchmark: null, holdout_key: null, incumbent_hash: null, candidate_hash: null },
        created_at: '2026-01-01T00:00:00.000Z',
      },
    ]);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT body FROM optimizer_records WHERE kind = 'library' AND json_extract(body, '$.learner') = 'x' ORDER BY created_at, record_id",
      )
      .all() as Array<{ detail: string }>;
    expect(plan.map((step) => step.detail).join('; ')).toMatch(/USING (COVERING )?INDEX/);
    db.close();
  });

  it('keeps a flywheel decision in optimizer_records under its flywheel id, generation and family columns', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.appendOptimizerRecords([
      buildFlywheelRecord({ generation: 3 }),
      buildFlywheelRecord({ generation: null }),
    ]);
    await corpus.close();
    const db = new DatabaseSync(path, { readOnly: true });
    const columns = `kind, record_id, optimization_id, hash, iteration, benchmark, holdout_key, incumbent_hash,
      candidate_hash, created_at`;
    const empty = { hash: null, holdout_key: null, incumbent_hash: null, candidate_hash: null };
    expect(db.prepare(`SELECT ${columns} FROM optimizer_records ORDER BY record_id`).all()).toEqual([
      {
        ...{ kind: 'flywheel', record_id: 'fly-1a2b3c4d5e6f/g3', optimization_id: 'fly-1a2b3c4d5e6f', iteration: 3 },
        ...{ benchmark: 'dsl', ...empty, created_at: '2026-01-01T00:00:00.000Z' },
      },
      {
        ...{ kind: 'flywheel', record_id: 'fly-1a2b3c4d5e6f/verdict', optimization_id: 'fly-1a2b3c4d5e6f' },
        ...{ iteration: null, benchmark: 'dsl', ...empty, created_at: '2026-01-01T00:00:00.000Z' },
      },
    ]);
    db.close();
  });
});
