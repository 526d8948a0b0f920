import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Corpus } from './corpus';
import { migrate } from './sqlite/migrations';
import { SqliteCorpus } from './sqlite/sqlite-corpus';
import { UnsupportedStoreError } from './unsupported-store-error';

/** Where a corpus lives when nothing else is said: one SQLite file under `.ratchet/`. */
export const defaultCorpusUrl = 'sqlite:.ratchet/corpus.db';

export interface OpenCorpusOptions {
  /** Directory that relative paths resolve against, default `process.cwd()`. */
  cwd?: string;
  /** How long a writer waits for another process's write lock before failing, default 30 s. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed) the corpus at `url` and brings its schema up to date.
 * `sqlite:PATH` (relative to `cwd`) or `sqlite::memory:`; PostgreSQL is planned behind the same interface.
 *
 * @throws {UnsupportedStoreError} for an unknown scheme or a Node without `node:sqlite`.
 * @throws {CorpusVersionError} when the corpus was written by a newer Ratchet (it is left untouched).
 * @example
 * const corpus = await openCorpus();                // ./.ratchet/corpus.db
 * const scratch = await openCorpus('sqlite::memory:');
 */
export async function openCorpus(url: string = defaultCorpusUrl, options: OpenCorpusOptions = {}): Promise<Corpus> {
  if (/^postgres(ql)?:/i.test(url)) {
    throw new UnsupportedStoreError(url, 'the PostgreSQL store is planned but not available yet; use sqlite:PATH');
  }
  if (!url.startsWith('sqlite:')) {
    throw new UnsupportedStoreError(url, 'expected sqlite:PATH (e.g. sqlite:.ratchet/corpus.db) or sqlite::memory:');
  }
  const target = url.slice('sqlite:'.length);
  if (target.length === 0) throw new UnsupportedStoreError(url, 'the path after sqlite: is empty');
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
  const inMemory = target === ':memory:';
  const path = inMemory ? target : resolve(options.cwd ?? process.cwd(), target);
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new sqlite.DatabaseSync(path, { timeout: options.busyTimeoutMs ?? 30_000 });
  try {
    // 16 KiB pages (effective only on a new file) halve the cost of inserting ~1 KB records under random ids.
    db.exec('PRAGMA page_size = 16384');
    if (!inMemory) db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA cache_size = -32768');
    // In WAL mode, NORMAL keeps every committed transaction through a process crash (SIGKILL included).
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db, inMemory ? url : path);
  } catch (error) {
    db.close();
    throw error;
  }
  return new SqliteCorpus(db, inMemory ? url : `sqlite:${path}`);
}
