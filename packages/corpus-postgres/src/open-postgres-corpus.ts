import { type OpenCorpusOptions, type StoreOpener, UnsupportedStoreError } from '@ratchet/corpus';
import { migratePostgres } from './migrations';
import { PgDatabase, type PgDatabaseOptions } from './pg-database';
import { PostgresCorpus } from './postgres-corpus';
import { parsePostgresLocation } from './postgres-location';

/**
 * Opens the corpus in the PostgreSQL database a `postgres://` URL names (in its `?schema=`, `public`
 * by default), creating the schema and tables when missing and migrating older ones.
 *
 * @throws {PostgresConnectionError} when the server cannot be reached.
 * @throws {UnsupportedStoreError} when the server refuses the user or has no such database.
 * @throws {CorpusVersionError} when the corpus was written by a newer Ratchet (left untouched).
 * @example
 * const corpus = await openPostgresCorpus('postgres://ratchet@db.internal/ratchet?schema=team_a');
 */
export async function openPostgresCorpus(
  url: string,
  options: OpenCorpusOptions & PgDatabaseOptions = {},
): Promise<PostgresCorpus> {
  const location = parsePostgresLocation(url);
  const db = new PgDatabase(location, options);
  try {
    await migratePostgres(db, location.schema, location.displayUrl);
  } catch (error) {
    await db.close();
    throw refusedAtOpen(error, location.displayUrl) ?? error;
  }
  return new PostgresCorpus(db, location.displayUrl);
}

/** The opener `registerStore('postgres', …)` takes. */
export const postgresStoreOpener: StoreOpener<'postgres'> = (location, options) =>
  openPostgresCorpus(location.url, options);

/** The server answered but will not open this corpus: no such database, or the user is refused. */
function refusedAtOpen(error: unknown, url: string): UnsupportedStoreError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code === '3D000' || code.startsWith('28'))) return undefined;
  const what = code === '3D000' ? 'create it first (createdb DATABASE)' : 'fix the user or password in the URL';
  return new UnsupportedStoreError(url, `${(error as Error).message}; ${what}`, { cause: error });
}
