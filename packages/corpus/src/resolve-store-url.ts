import { parseStoreUrl } from './parse-store-url';

/**
 * The same store URL with an SQLite path made absolute against `cwd`: what a config file in another
 * directory means by a relative store. Other URLs come back as they were.
 *
 * @throws {UnsupportedStoreError} when `url` is not a store URL.
 * @example
 * resolveStoreUrl('sqlite:corpus.db', '/project'); // => 'sqlite:/project/corpus.db'
 * resolveStoreUrl('sqlite::memory:', '/project');  // => 'sqlite::memory:'
 */
export function resolveStoreUrl(url: string, cwd: string): string {
  const location = parseStoreUrl(url, cwd);
  return location.scheme === 'sqlite' ? `sqlite:${location.path}` : location.url;
}
