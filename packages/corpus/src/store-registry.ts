import type { Corpus } from './corpus';
import type { StoreLocation, StoreScheme } from './parse-store-url';
import { openSqliteCorpus } from './sqlite/open-sqlite-corpus';
import type { OpenCorpusOptions, StoreOpener } from './store-opener';

// An opener is stored under its own scheme and only ever called with locations of that scheme
// (`openRegisteredStore` looks it up by `location.scheme`), which the Map's type cannot express.
const openers = new Map<StoreScheme, StoreOpener>([['sqlite', openSqliteCorpus as StoreOpener]]);

/**
 * Makes `openCorpus` open URLs of `scheme` with `opener` (how `@ratchet/corpus-postgres` plugs in),
 * replacing any opener the scheme had. SQLite is registered from the start. Returns a function that
 * puts the previous opener back.
 *
 * @example
 * const unregister = registerStore('postgres', (location, options) => PostgresCorpus.open(location.url, options));
 */
export function registerStore<S extends StoreScheme>(scheme: S, opener: StoreOpener<S>): () => void {
  const previous = openers.get(scheme);
  openers.set(scheme, opener as StoreOpener);
  return () => {
    if (previous) openers.set(scheme, previous);
    else openers.delete(scheme);
  };
}

/** Opens `location` with the opener registered for its scheme; undefined when there is none. */
export function openRegisteredStore(location: StoreLocation, options: OpenCorpusOptions): Promise<Corpus> | undefined {
  return openers.get(location.scheme)?.(location, options);
}
