import type { Corpus } from './corpus';
import type { StoreLocation, StoreScheme } from './parse-store-url';

type LocationOf = { [S in StoreScheme]: Extract<StoreLocation, { scheme: S }> };

export interface OpenCorpusOptions {
  /** Directory that relative paths resolve against, default `process.cwd()`. */
  cwd?: string;
  /** How long a writer waits for another process's write lock before failing, default 30 s. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed, and migrating) the store at a parsed location. A store package registers
 * one for its scheme with `registerStore`; `openCorpus` calls it.
 */
export type StoreOpener<S extends StoreScheme = StoreScheme> = (
  location: LocationOf[S],
  options: OpenCorpusOptions,
) => Promise<Corpus>;
