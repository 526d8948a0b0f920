import { registerStore } from '@ratchet/corpus';
import { postgresStoreOpener } from './open-postgres-corpus';

/**
 * Makes `openCorpus('postgres://…')` (and so `--store postgres://…` and `"store"` in a config) open
 * this store. An explicit call rather than a side effect of importing the package: the package is
 * `sideEffects: false`, so a bundler may drop an import that is only there to register, and a
 * registration that is a visible line where the program starts is one a reader can find.
 * Returns a function that puts back what was registered before.
 *
 * @example
 * import { registerPostgresStore } from '@ratchet/corpus-postgres';
 * registerPostgresStore();
 * const corpus = await openCorpus('postgres://ratchet@localhost/ratchet');
 */
export function registerPostgresStore(): () => void {
  return registerStore('postgres', postgresStoreOpener);
}
