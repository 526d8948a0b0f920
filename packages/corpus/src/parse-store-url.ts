import { resolve } from 'node:path';
import { UnsupportedStoreError } from './unsupported-store-error';

/** Where a corpus lives, read from its URL. */
export type StoreLocation =
  /** An SQLite file (`path` absolute) or an in-memory database (`path: ':memory:'`). */
  | { scheme: 'sqlite'; path: string }
  /** A PostgreSQL database, its connection URL as given. */
  | { scheme: 'postgres'; url: string };

export type StoreScheme = StoreLocation['scheme'];

const expected = 'expected sqlite:PATH (e.g. sqlite:.ratchet/corpus.db), sqlite::memory: or postgres://HOST/DATABASE';

/**
 * Reads a store URL; the one place that does. `sqlite:PATH` (a relative path resolves against `cwd`),
 * `sqlite::memory:`, or `postgres://…` / `postgresql://…` (recognised, so the caller can say the store
 * is planned or use one that is registered).
 *
 * @param cwd the directory relative paths resolve against, default `process.cwd()`.
 * @throws {UnsupportedStoreError} for any other URL, listing the accepted forms.
 * @example
 * parseStoreUrl('sqlite:.ratchet/corpus.db', '/work'); // => { scheme: 'sqlite', path: '/work/.ratchet/corpus.db' }
 * parseStoreUrl('sqlite::memory:');                     // => { scheme: 'sqlite', path: ':memory:' }
 * parseStoreUrl('postgres://db/ratchet');               // => { scheme: 'postgres', url: 'postgres://db/ratchet' }
 */
export function parseStoreUrl(url: string, cwd: string = process.cwd()): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(url)) return { scheme: 'postgres', url };
  if (!url.startsWith('sqlite:')) {
    const received = url.length > 80 ? `${url.slice(0, 80)}…` : url;
    throw new UnsupportedStoreError(received, expected);
  }
  const target = url.slice('sqlite:'.length);
  if (target.length === 0) throw new UnsupportedStoreError(url, `the path after sqlite: is empty; ${expected}`);
  if (target === ':memory:') return { scheme: 'sqlite', path: ':memory:' };
  return { scheme: 'sqlite', path: resolve(cwd, target) };
}
