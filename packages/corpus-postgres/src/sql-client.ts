/** What one statement returned: its rows, and how many rows it wrote (for INSERT/UPDATE/DELETE). */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/**
 * The little of a PostgreSQL client the store uses: one parameterised statement at a time (`$1`, `$2`, …).
 * Kept this small so that another client (PGlite, PostgreSQL compiled to WebAssembly) can stand behind
 * the same store.
 */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
}

export interface TransactionOptions {
  /**
   * The work may run again after a dropped connection, because running it twice writes what running it
   * once does (every append is idempotent by record id). Not so for `deleteRun`: a second run would find
   * nothing to delete and say so.
   */
  idempotent: boolean;
}

/** A database: statements outside a transaction, transactions, and closing. */
export interface SqlDatabase extends SqlClient {
  /** Runs `work` in one transaction (READ COMMITTED); commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>, options: TransactionOptions): Promise<T>;
  close(): Promise<void>;
}
