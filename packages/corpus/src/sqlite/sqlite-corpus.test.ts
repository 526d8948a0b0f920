import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../open-corpus';
import { buildCellRecord, buildRunRecord, corpusContract } from '../test';

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
});
