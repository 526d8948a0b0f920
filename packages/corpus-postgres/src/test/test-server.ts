import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

/** The variable the tests read the server from; `npm test` sets it (tools/postgres-test-server.mjs). */
export const testServerVariable = 'RATCHET_TEST_POSTGRES_URL';
/** `pglite` runs the store suite on PGlite; `npm test` sets it where no server binaries exist. */
export const testModeVariable = 'RATCHET_TEST_POSTGRES';

/** Where the store's tests run: a real server, or PGlite (in process) on a machine that has none. */
export type TestBackend = { kind: 'server'; url: string } | { kind: 'pglite'; reason: string };

/** True when Debian's PostgreSQL server binaries are installed (what tools/postgres-test-server.mjs starts). */
function serverBinariesExist(): boolean {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((version) => existsSync(`${root}/${version}/bin/initdb`));
}

/**
 * The backend of this test run, as tools/toolchain.mjs provides it: `RATCHET_TEST_POSTGRES=pglite` asks
 * for PGlite; else `RATCHET_TEST_POSTGRES_URL` names the server. With neither, on a machine without
 * server binaries the store suite runs on PGlite and says so; where the binaries exist it fails
 * (`testServerUrl`): a server was expected and not started.
 */
export function testBackend(): TestBackend {
  if (process.env[testModeVariable] === 'pglite') return { kind: 'pglite', reason: `${testModeVariable}=pglite` };
  const url = process.env[testServerVariable];
  if (url) return { kind: 'server', url };
  if (!serverBinariesExist()) {
    return { kind: 'pglite', reason: 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin' };
  }
  return { kind: 'server', url: testServerUrl() };
}

/**
 * The test server's URL. Without it the suite fails, never passes silently: a store test that did not
 * run is not evidence that the store works.
 */
export function testServerUrl(): string {
  const url = process.env[testServerVariable];
  if (!url) {
    throw new Error(
      `${testServerVariable} is not set: the PostgreSQL store's tests need a real server. \`npm test\` starts a throwaway one with tools/postgres-test-server.mjs and sets it; to run this package alone, start one (see packages/corpus-postgres/README.md) and set ${testServerVariable}=postgres://postgres@127.0.0.1:55432/postgres`,
    );
  }
  return url;
}

/** `url` with another database name (and the query string kept). */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

/**
 * A database of one test file, named at random (unique across processes, so files run in parallel; a
 * name, not a measurement, hence not from a seeded stream), created on first use and dropped by
 * `drop()`. `schemaUrl()` gives a URL of a fresh, empty schema in it for every store a test opens.
 */
export function testDatabase() {
  const name = `ratchet_test_${randomUUID().replaceAll('-', '')}`;
  let created: Promise<string> | undefined;
  let schemas = 0;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: testServerUrl() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name,
    /** The database's URL, created on first call. */
    url(): Promise<string> {
      created ??= admin(async (client) => {
        await client.query(`CREATE DATABASE ${name}`);
        return withDatabase(testServerUrl(), name);
      });
      return created;
    },
    /** A URL of a schema no store has used yet. */
    async schemaUrl(): Promise<string> {
      const url = new URL(await this.url());
      url.searchParams.set('schema', `s${++schemas}`);
      return url.href;
    },
    async drop(): Promise<void> {
      if (!created) return;
      await created;
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** The server's version and the settings that decide what a commit costs, for a bench to print beside its figures. */
export async function describeTestServer(): Promise<string> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    const show = async (name: string) => (await client.query(`SHOW ${name}`)).rows[0]?.[name] as string;
    const version = (await show('server_version')).split(' ')[0];
    return `PostgreSQL ${version}, fsync ${await show('fsync')}, synchronous_commit ${await show('synchronous_commit')}, shared_buffers ${await show('shared_buffers')}`;
  } finally {
    await client.end();
  }
}
