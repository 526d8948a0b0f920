import pg from 'pg';
import { PostgresConnectionError } from './postgres-connection-error';
import type { PostgresLocation } from './postgres-location';
import type { QueryResult, SqlClient, SqlDatabase, TransactionOptions } from './sql-client';

/** Deadlock and serialization failure: another writer won a race; running the transaction again is the fix. */
const concurrencyCodes = new Set(['40P01', '40001']);
/** Node's socket errors for a server that is gone or unreachable. */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** True for an error that says the connection, not the statement, failed. */
export function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    // Class 08: connection exception; 57P01–57P03: the server is shutting down or starting up.
    if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
    if (socketCodes.has(code)) return true;
  }
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection is closed|Client has encountered a connection error/i.test(message);
}

// COUNT and SUM of integers come back as int8/numeric, which node-postgres leaves as strings (they may
// exceed 2^53). Corpus counts do not, so they are read as numbers; set per pool, not on the global `pg.types`.
const numericTypes = new Set<number>([pg.types.builtins.INT8, pg.types.builtins.NUMERIC]);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    numericTypes.has(oid)
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export interface PgDatabaseOptions {
  /** Connections the pool may open, default 4. */
  maxConnections?: number;
  /** Times an idempotent transaction runs again after a dropped connection, default 2. */
  connectionRetries?: number;
}

/**
 * The node-postgres (`pg`) client behind the store: a pool whose connections use the corpus schema,
 * transactions that run again after a deadlock, and, when they are idempotent, after a dropped connection.
 */
export class PgDatabase implements SqlDatabase {
  readonly #pool: pg.Pool;
  readonly #location: PostgresLocation;
  readonly #connectionRetries: number;

  constructor(location: PostgresLocation, options: PgDatabaseOptions = {}) {
    this.#location = location;
    this.#connectionRetries = options.connectionRetries ?? 2;
    this.#pool = new pg.Pool({
      connectionString: location.connectionString,
      max: options.maxConnections ?? 4,
      types,
      // The schema name is checked to be a plain identifier (parsePostgresLocation), so it needs no quoting.
      options: `-c search_path=${location.schema}`,
      application_name: 'ratchet-corpus',
    });
    // An idle connection the server drops emits 'error' on the pool; the next query gets a fresh one.
    this.#pool.on('error', () => {});
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    try {
      const result = await this.#pool.query(sql, params as unknown[]);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    } catch (error) {
      throw this.#translate(error);
    }
  }

  async transaction<T>(work: (tx: SqlClient) => Promise<T>, options: TransactionOptions): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#once(work);
      } catch (error) {
        const retry =
          (concurrencyCodes.has((error as { code?: string }).code ?? '') && attempt < 10) ||
          (options.idempotent && isConnectionFailure(error) && attempt < this.#connectionRetries);
        if (!retry) throw this.#translate(error);
        await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 5)));
      }
    }
  }

  async #once<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx: SqlClient = {
        query: async <R>(sql: string, params: readonly unknown[] = []) => {
          const result = await client.query(sql, params as unknown[]);
          return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
        },
      };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionFailure(error)) broken = error as Error;
      else await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback as Error));
      throw error;
    } finally {
      // A broken connection is destroyed, not put back in the pool.
      client.release(broken);
    }
  }

  #translate(error: unknown): unknown {
    if (!isConnectionFailure(error)) return error;
    const code = (error as { code?: unknown }).code;
    return new PostgresConnectionError({
      location: this.#location.displayUrl,
      code: typeof code === 'string' ? code : undefined,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
