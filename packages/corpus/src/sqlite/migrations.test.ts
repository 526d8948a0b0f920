import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { CorpusVersionError } from '../corpus-version-error';
import { openCorpus } from '../open-corpus';
import { buildRunRecord } from '../test';
import { latestSchemaVersion, migrate, migrations } from './migrations';

const scratch = () => join(mkdtempSync(join(tmpdir(), 'ratchet-corpus-')), 'corpus.db');

describe('migrate', () => {
  it('creates the schema once and records its version', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.append([buildRunRecord()]);
    await corpus.close();
    const reopened = await openCorpus(`sqlite:${path}`);
    expect((await reopened.stats()).attempts).toBe(1);
    expect((await reopened.stats()).schemaVersion).toBe(latestSchemaVersion);
    await reopened.close();
  });

  it('runs only the pending steps, in order, keeping the data', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db, 'test')).toBe(1);
    db.exec(`INSERT INTO blobs VALUES ('${'a'.repeat(64)}', 'text/plain', 1, x'41')`);
    const next = [
      ...migrations,
      { version: 2, description: 'add a column', sql: 'ALTER TABLE blobs ADD COLUMN note TEXT' },
    ];
    expect(migrate(db, 'test', next)).toBe(2);
    expect(migrate(db, 'test', next)).toBe(2);
    expect(db.prepare('SELECT bytes, note FROM blobs').get()).toEqual({ bytes: 1, note: null });
    db.close();
  });

  it('refuses a corpus from a newer Ratchet without touching the file', async () => {
    const path = scratch();
    const corpus = await openCorpus(`sqlite:${path}`);
    await corpus.close();
    const db = new DatabaseSync(path);
    db.exec("UPDATE meta SET value = '99' WHERE key = 'schema_version'");
    db.close();
    const before = readFileSync(path);
    await expect(openCorpus(`sqlite:${path}`)).rejects.toThrow(CorpusVersionError);
    await expect(openCorpus(`sqlite:${path}`)).rejects.toThrow(
      /has corpus schema version 99, but this Ratchet supports up to 1; upgrade @ratchet\/corpus .*not modified/,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
