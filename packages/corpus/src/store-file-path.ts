import { parseStoreUrl } from './parse-store-url';

/**
 * The file an SQLite store URL names, absolute (against `cwd`); null for a store with no file (an
 * in-memory database, a PostgreSQL server).
 *
 * @throws {UnsupportedStoreError} when `url` is not a store URL.
 * @example
 * storeFilePath('sqlite:.ratchet/corpus.db', '/project'); // => '/project/.ratchet/corpus.db'
 * storeFilePath('sqlite::memory:');                       // => null
 */
export function storeFilePath(url: string, cwd: string = process.cwd()): string | null {
  const location = parseStoreUrl(url, cwd);
  return location.scheme === 'sqlite' && location.path !== ':memory:' ? location.path : null;
}
