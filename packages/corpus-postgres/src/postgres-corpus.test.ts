import { openCorpus } from '@ratchet/corpus';
import { buildCellRecord, buildRunRecord, corpusContract } from '@ratchet/corpus/test';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from './migrations';
import { openPostgresCorpus } from './open-postgres-corpus';
import { PgliteDatabase } from './pglite-database';
import { PostgresCorpus } from './postgres-corpus';
import { registerPostgresStore } from './register-postgres-store';
import { testBackend, testDatabase } from './test/test-server';

const backend = testBackend();
const database = testDatabase();
afterAll(() => database.drop());
const unregister = registerPostgresStore();
afterAll(() => unregister());

if (backend.kind === 'server') {
  corpusContract('PostgreSQL', async () => openCorpus(await database.schemaUrl()));
} else {
  console.log(
    `PostgreSQL store: the contract runs on PGlite (PostgreSQL in WebAssembly, in process): ${backend.reason}`,
  );
  // One PGlite instance for the file (each takes a second or two to start), a fresh schema per store.
  const { PGlite } = await import('@electric-sql/pglite');
  const pglite = await PGlite.create({ parsers: { 20: Number, 1700: Number } });
  afterAll(() => pglite.close());
  let schemas = 0;
  corpusContract('PostgreSQL on PGlite', async () => {
    const schema = `s${++schemas}`;
    const db = new PgliteDatabase(pglite, schema);
    await migratePostgres(db, schema, `pglite:${schema}`);
    return new PostgresCorpus(db, `pglite:${schema}`);
  });
}

describe.skipIf(backend.kind === 'pglite')('PostgresCorpus on a server', () => {
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
