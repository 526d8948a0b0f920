import { CorpusError } from '@ratchet/corpus';

/**
 * The PostgreSQL server could not be reached, or the connection dropped during a statement (the server
 * restarted, the network failed, the backend was terminated). Nothing half-written is left: the
 * transaction was rolled back by the server, or committed whole. Retryable: every corpus write is
 * idempotent by record id, so writing the same batch again once the server is back loses nothing and
 * duplicates nothing. `isRetryable` has the name and meaning the runtime's infra errors use.
 */
export class PostgresConnectionError extends CorpusError {
  readonly isRetryable = true;
  /** Where the corpus is (password hidden). */
  readonly location: string;
  /** The server's SQLSTATE or Node's socket error code, when there was one (`57P01`, `ECONNREFUSED`). */
  readonly code: string | undefined;

  constructor(options: { location: string; code?: string | undefined; detail: string; cause?: unknown }) {
    super(
      `cannot reach the PostgreSQL corpus at ${options.location}, or lost the connection to it (${options.detail}); nothing partial was written — check that the server is up and reachable, then retry: every write is idempotent`,
      { cause: options.cause },
    );
    this.name = 'PostgresConnectionError';
    this.location = options.location;
    this.code = options.code;
  }

  static override isInstance(error: unknown): error is PostgresConnectionError {
    return CorpusError.isInstance(error) && (error as Error).name === 'PostgresConnectionError';
  }
}
