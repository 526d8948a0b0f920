import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoreOpener } from '../store-opener';
import { UnsupportedStoreError } from '../unsupported-store-error';
import { migrate } from './migrations';
import { SqliteCorpus } from './sqlite-corpus';

/**
 * Opens the SQLite file (creating it and its folder) or an in-memory database, sets it up for
 * several processes at once, and brings its schema up to date.
 *
 * @throws {UnsupportedStoreError} on a Node without `node:sqlite`.
 * @throws {CorpusVersionError} when the file was written by a newer Ratchet (it is left untouched).
 */
export const openSqliteCorpus: StoreOpener<'sqlite'> = async (location, options) => {
  const inMemory = location.path === ':memory:';
  const url = `sqlite:${location.path}`;
  let sqlite: typeof import('node:sqlite');
  try {
    sqlite = await import('node:sqlite');
  } catch (cause) {
    throw new UnsupportedStoreError(
      url,
      `node:sqlite is not available in Node ${process.version}; use Node 22.13 or newer`,
      {
        cause,
      },
    );
  }
  if (!inMemory) mkdirSync(dirname(location.path), { recursive: true });
  const db = new sqlite.DatabaseSync(location.path, { timeout: options.busyTimeoutMs ?? 30_000 });
  try {
    // 16 KiB pages (effective only on a new file) halve the cost of inserting ~1 KB records under random ids.
    db.exec('PRAGMA page_size = 16384');
    if (!inMemory) db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA cache_size = -32768');
    // In WAL mode, NORMAL keeps every committed transaction through a process crash (SIGKILL included).
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db, inMemory ? url : location.path);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteCorpus(db, url);
};
