import { openCorpus, UnsupportedStoreError } from '@ratchet/corpus';
import { buildCellRecord, buildRunRecord, corpusContract } from '@ratchet/corpus/test';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migratePostgres } from './migrations';
import { openPostgresCorpus } from './open-postgres-corpus';
import { PgliteDatabase } from './pglite-database';
import { PostgresConnectionError } from './postgres-connection-error';
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

  it('says to create a missing database, and calls an unreachable server a retryable connection error', async () => {
    const missing = new URL(await database.url());
    missing.pathname = `/${database.name}_missing`;
    const refused = await openPostgresCorpus(missing.href).then(
      () => null,
      (error: unknown) => error,
    );
    expect(UnsupportedStoreError.isInstance(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/database ".*_missing" does not exist; create it first \(createdb/);
    const unreachable = await openPostgresCorpus('postgres://postgres@127.0.0.1:1/postgres').then(
      () => null,
      (error: unknown) => error,
    );
    expect(PostgresConnectionError.isInstance(unreachable)).toBe(true);
    expect((unreachable as PostgresConnectionError).code).toBe('ECONNREFUSED');
  });

  it('writes the try, replicate, resolved and metrics columns of attempts and cells', async () => {
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
      // What pairs() reads without parsing the body: the scores' values and the spend, at the body's paths.
      const metrics = await client.query(`SELECT metrics -> 'verdict' AS verdict, metrics #>> '{spend,turns}' AS turns,
        body::json #>> '{spend,turns}' AS "bodyTurns" FROM ${schema}.cells`);
      expect(metrics.rows).toEqual([
        { verdict: { scores: { correct: { value: 1 } } }, turns: metrics.rows[0]?.bodyTurns, bodyTurns: '1' },
      ]);
    } finally {
      await client.end();
    }
  });
});
