import type { Corpus } from './corpus';
import { parseStoreUrl } from './parse-store-url';
import type { OpenCorpusOptions } from './store-opener';
import { openRegisteredStore } from './store-registry';
import { UnsupportedStoreError } from './unsupported-store-error';

/** Where a corpus lives when nothing else is said: one SQLite file under `.ratchet/`. */
export const defaultCorpusUrl = 'sqlite:.ratchet/corpus.db';

/**
 * Opens (creating if needed) the corpus at `url` and brings its schema up to date, with the store
 * registered for the URL's scheme: `sqlite:PATH` (relative to `cwd`) or `sqlite::memory:` built in;
 * `postgres://…` once `@ratchet/corpus-postgres` is registered (`registerPostgresStore()`).
 *
 * @throws {UnsupportedStoreError} for a URL that names no store, a store not registered, or a Node
 *   without `node:sqlite`.
 * @throws {CorpusVersionError} when the corpus was written by a newer Ratchet (it is left untouched).
 * @throws {RecordUpgradeError} when an older corpus holds a record that cannot be upgraded (it is left untouched).
 * @example
 * const corpus = await openCorpus();                // ./.ratchet/corpus.db
 * const scratch = await openCorpus('sqlite::memory:');
 */
export async function openCorpus(url: string = defaultCorpusUrl, options: OpenCorpusOptions = {}): Promise<Corpus> {
  const location = parseStoreUrl(url, options.cwd);
  const opened = openRegisteredStore(location, options);
  if (opened) return opened;
  throw new UnsupportedStoreError(
    url,
    location.scheme === 'postgres'
      ? 'no store is registered for postgres: URLs; call registerPostgresStore() from @ratchet/corpus-postgres first (the ratchet CLI does), or use sqlite:PATH'
      : `no store is registered for ${location.scheme}: URLs`,
  );
}
