import type { SqlClient } from './sql-client';
import { SqlParams } from './sql-filters';

/** Rows read per round trip while streaming. */
export const streamPageSize = 500;

export interface KeysetQuery {
  /** `SELECT body, <keys> FROM table`. */
  from: string;
  /** The ORDER BY columns; together unique (the last is the primary key). */
  keys: readonly string[];
  /** Builds the WHERE conditions into `params` (called once per page). */
  where: (params: SqlParams) => string;
  limit?: number | undefined;
  offset?: number | undefined;
}

/**
 * Streams bodies in key order a page at a time, each page starting after the last key read (keyset
 * paging), so no connection is held between pages and memory stays flat on a large corpus. The
 * filter's `offset` applies to the first page only; `limit` caps the total.
 */
export async function* keysetBodies(client: SqlClient, query: KeysetQuery): AsyncIterable<string> {
  let remaining = query.limit ?? Number.POSITIVE_INFINITY;
  let after: unknown[] | undefined;
  let first = true;
  while (remaining > 0) {
    const params = new SqlParams();
    let where = query.where(params);
    if (after) {
      const placeholders = after.map((value) => params.add(value));
      where += ` AND (${query.keys.join(', ')}) > (${placeholders.join(', ')})`;
    }
    const size = Math.min(streamPageSize, remaining);
    const offset = first && query.offset ? ` OFFSET ${params.add(query.offset)}` : '';
    const sql = `${query.from} WHERE ${where} ORDER BY ${query.keys.join(', ')} LIMIT ${params.add(size)}${offset}`;
    const { rows } = await client.query<Record<string, unknown>>(sql, params.values);
    first = false;
    for (const row of rows) yield row.body as string;
    remaining -= rows.length;
    if (rows.length < size) return;
    const last = rows.at(-1) as Record<string, unknown>;
    after = query.keys.map((key) => last[key]);
  }
}
