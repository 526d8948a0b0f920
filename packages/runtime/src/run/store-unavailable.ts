import { CorpusError } from '@ratchet/corpus';

/**
 * The store could not be written for now (a PostgreSQL corpus unreachable or its connection dropped,
 * past the store's own retries): nothing partial was written, and it would fail the same for every
 * cell. A run pauses on it, as on an infra failure of the whole run, rather than failing: every write
 * is idempotent, so the same command resumes once the store is back.
 */
export function isStoreUnavailable(error: unknown): error is CorpusError {
  return CorpusError.isInstance(error) && (error as { isRetryable?: unknown }).isRetryable === true;
}
