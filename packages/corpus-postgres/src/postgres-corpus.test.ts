import { openCorpus } from '@ratchet/corpus';
import { buildCellRecord, buildRunRecord, corpusContract } from '@ratchet/corpus/test';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresCorpus } from './open-postgres-corpus';
import { registerPostgresStore } from './register-postgres-store';
import { testDatabase } from './test/test-server';

const database = testDatabase();
afterAll(() => database.drop());
const unregister = registerPostgresStore();
afterAll(() => unregister());

corpusContract('PostgreSQL', async () => openCorpus(await database.schemaUrl()));

describe('PostgresCorpus', () => {
  it('shows its URL with the password hidden', async () => {
    const url = new URL(await database.schemaUrl());
    url.password = 'hunter2';
    const shown = new URL(url.href);
    shown.password = '***';
    // The test server trusts local connections, so any password opens it.
    const corpus = await openPostgresCorpus(url.href);
    try {
      expect(corpus.url).toBe(shown.href);
      expect((await corpus.stats()).location).not.toMatch(/hunter2/);
    } finally {
      await corpus.close();
    }
  });

  it('writes the try, replicate and resolved columns of attempts and cells', async () => {
    const url = await database.schemaUrl();
    const corpus = await openPostgresCorpus(url);
    await corpus.append([
      buildRunRecord({ recordId: 'a', try: 2, replicate: 3 }),
      buildCellRecord({ cellId: 'c', try: 2, replicate: 3 }),
    ]);
    await corpus.close();
    const client = new pg.Client({ connectionString: url.replace(/\?.*$/, '') });
    await client.connect();
    try {
      const schema = new URL(url).searchParams.get('schema');
      expect((await client.query(`SELECT try_number, replicate FROM ${schema}.attempts`)).rows).toEqual([
        { try_number: 2, replicate: 3 },
      ]);
      expect((await client.query(`SELECT try_number, replicate, resolved FROM ${schema}.cells`)).rows).toEqual([
        { try_number: 2, replicate: 3, resolved: 1 },
      ]);
    } finally {
      await client.end();
    }
  });
});
