import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { QueryResult, SqlClient, SqlDatabase } from './sql-client';

async function run<R>(tx: Transaction, sql: string, params: readonly unknown[]): Promise<QueryResult<R>> {
  // A statement without parameters may be several (a migration step): the simple protocol runs them.
  if (params.length === 0) {
    const last = (await tx.exec(sql)).at(-1);
    return { rows: (last?.rows ?? []) as R[], rowCount: last?.affectedRows ?? 0 };
  }
  const result = await tx.query<R>(sql, [...params]);
  return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly, in this process, in memory) behind the store's client
 * interface, one schema of it per store: the store suite's fallback on a machine without PostgreSQL
 * server binaries. PGlite has one session, so every statement runs in a transaction of its own that
 * first sets the store's `search_path` (`SET LOCAL`): stores sharing the instance never see each
 * other's tables, and transactions take turns. No other process can reach it, so it stands in for a
 * server only in tests that run in one process.
 */
export class PgliteDatabase implements SqlDatabase {
  readonly #db: PGlite;
  readonly #schema: string;

  /** @param schema a plain identifier (as `parsePostgresLocation` checks); the instance is the caller's to close. */
  constructor(db: PGlite, schema: string) {
    this.#db = db;
    this.#schema = schema;
  }

  query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    return this.transaction((tx) => tx.query<R>(sql, params));
  }

  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
    return this.#db.transaction(async (tx) => {
      await tx.exec(`SET LOCAL search_path TO ${this.#schema}`);
      return work({ query: (sql, params = []) => run(tx, sql, params) });
    });
  }

  /** Leaves the shared instance open. */
  async close(): Promise<void> {}
}
