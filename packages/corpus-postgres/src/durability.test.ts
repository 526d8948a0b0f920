import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusVersionError, parseRunRecord } from '@ratchet/corpus';
import { buildRunRecord } from '@ratchet/corpus/test';
import { execa } from 'execa';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { latestPostgresSchemaVersion } from './migrations';
import { openPostgresCorpus } from './open-postgres-corpus';
import { PostgresConnectionError } from './postgres-connection-error';
import { testBackend, testDatabase } from './test/test-server';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const writerScript = join(packageDir, 'src', 'fixtures', 'append-writer.ts');
const backend = testBackend();
const database = testDatabase();
afterAll(() => database.drop());
if (backend.kind === 'pglite') {
  console.log(`PostgreSQL durability: skipped, these tests need a server other processes reach (${backend.reason})`);
}

function startWriter(url: string, writer: string, from: number, to: number, batch: number) {
  const args = [url, writer, String(from), String(to), String(batch)];
  return execa(process.execPath, ['--import', 'tsx', '--conditions=@ratchet/source', writerScript, ...args], {
    cwd: packageDir,
    buffer: { stdout: false },
    reject: false,
  });
}

/** Runs `sql` on the test database outside the store (another session, as an operator would). */
async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url.replace(/\?.*$/, '') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(backend.kind === 'pglite')('PostgreSQL corpus durability', () => {
  it('loses and duplicates nothing when four processes append overlapping batches at once', async () => {
    const url = await database.schemaUrl();
    // Each writer id covers 0..400; two processes write each id range, in different batch sizes.
    const writers = await Promise.all([
      startWriter(url, 'left', 0, 400, 7),
      startWriter(url, 'left', 100, 400, 13),
      startWriter(url, 'right', 0, 400, 1),
      startWriter(url, 'right', 0, 300, 50),
    ]);
    const stderr = writers.map((writer) => String(writer.stderr)).join('\n');
    expect(
      writers.map((writer) => writer.exitCode),
      stderr,
    ).toEqual([0, 0, 0, 0]);
    const corpus = await openPostgresCorpus(url);
    try {
      const ids = await corpus.recordIds();
      expect(ids).toHaveLength(800);
      expect(new Set(ids).size).toBe(800);
      expect(await corpus.recordIds({ armId: 'left' })).toHaveLength(400);
      expect((await corpus.stats()).attempts).toBe(800);
    } finally {
      await corpus.close();
    }
  }, 60_000);

  it('keeps every acknowledged record, and no partial batch, when a writer is SIGKILLed mid-stream', async () => {
    const url = await database.schemaUrl();
    const writer = startWriter(url, 'killed', 0, 1_000_000, 10);
    const acknowledged: string[] = [];
    await new Promise<void>((resolve) => {
      writer.stdout?.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (acknowledged.length >= 300) resolve();
      });
    });
    writer.kill('SIGKILL');
    expect((await writer).signal).toBe('SIGKILL');
    const corpus = await openPostgresCorpus(url);
    try {
      const stored = await corpus.records();
      const ids = new Set(stored.map((record) => record.recordId));
      for (const id of acknowledged) expect(ids.has(id)).toBe(true);
      for (const record of stored) expect(() => parseRunRecord(record)).not.toThrow();
      // Batches of 10 are all-or-nothing: a killed transaction leaves no part of its batch.
      expect(stored.length % 10).toBe(0);
      expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await corpus.close();
    }
  }, 60_000);

  it('surfaces a connection dropped mid-write as a retryable PostgresConnectionError, writing nothing; a retry writes all', async () => {
    const url = await database.schemaUrl();
    const schema = new URL(url).searchParams.get('schema');
    const corpus = await openPostgresCorpus(url, { connectionRetries: 0 });
    const records = [buildRunRecord({ recordId: 'first' }), buildRunRecord({ recordId: 'blocked' })];
    try {
      await admin(url, async (holder) => {
        // Another session holds the row 'blocked' uncommitted, so the store's write waits on it…
        await holder.query('BEGIN');
        await holder.query(
          `INSERT INTO ${schema}.attempts (record_id, run_id, arm_id, task_id, benchmark, split, replicate, try_number, created_at, body)
           VALUES ('blocked', 'x', 'x', 'x', 'x', 'train', 0, 0, 'x', '{}')`,
        );
        const write = corpus.append(records).then(
          () => null,
          (error: unknown) => error,
        );
        // …and its backend is terminated while it waits, as a server restart or a network cut would.
        for (let waited = 0; waited < 100; waited++) {
          const { rowCount } = await holder.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
             WHERE application_name = 'ratchet-corpus' AND wait_event_type = 'Lock' AND datname = current_database()`,
          );
          if (rowCount) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        const error = await write;
        expect(PostgresConnectionError.isInstance(error)).toBe(true);
        expect((error as PostgresConnectionError).isRetryable).toBe(true);
        expect((error as Error).message).toMatch(
          /lost the connection to it \(.*\); nothing partial was written .*then retry/,
        );
        await holder.query('ROLLBACK');
      });
      expect(await corpus.recordIds()).toEqual([]);
      expect(await corpus.append(records)).toEqual({ inserted: 2, duplicates: 0 });
    } finally {
      await corpus.close();
    }
  }, 60_000);

  it('retries an idempotent write on a fresh connection when the connection drops, recording it once', async () => {
    const url = await database.schemaUrl();
    const corpus = await openPostgresCorpus(url);
    try {
      await corpus.append([buildRunRecord({ recordId: 'before' })]);
      // Every pooled connection is terminated while idle: the next write finds its connection dead. Only
      // this file's database: other test files run beside it on the same server.
      await admin(url, (client) =>
        client.query(
          "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ratchet-corpus' AND datname = current_database()",
        ),
      );
      expect(await corpus.append([buildRunRecord({ recordId: 'after' })])).toEqual({ inserted: 1, duplicates: 0 });
      expect(await corpus.recordIds()).toEqual(['after', 'before'].sort());
    } finally {
      await corpus.close();
    }
  }, 60_000);

  it('refuses a corpus of a newer schema version and leaves it untouched', async () => {
    const url = await database.schemaUrl();
    const schema = new URL(url).searchParams.get('schema');
    await (await openPostgresCorpus(url)).close();
    await admin(url, (client) => client.query(`UPDATE ${schema}.meta SET value = '99' WHERE key = 'schema_version'`));
    const error = await openPostgresCorpus(url).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(CorpusVersionError.isInstance(error)).toBe(true);
    expect((error as CorpusVersionError).found).toBe(99);
    expect((error as CorpusVersionError).supported).toBe(latestPostgresSchemaVersion);
    const meta = await admin(url, (client) => client.query(`SELECT key, value FROM ${schema}.meta`));
    expect(meta.rows).toEqual([{ key: 'schema_version', value: '99' }]);
  });

  it('migrates once when four processes open a new corpus at the same moment', async () => {
    const url = await database.schemaUrl();
    const writers = await Promise.all(['a', 'b', 'c', 'd'].map((name) => startWriter(url, name, 0, 5, 5)));
    expect(writers.map((writer) => writer.exitCode)).toEqual([0, 0, 0, 0]);
    const corpus = await openPostgresCorpus(url);
    try {
      expect((await corpus.stats()).attempts).toBe(20);
    } finally {
      await corpus.close();
    }
  }, 60_000);
});
