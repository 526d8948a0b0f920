import { parsePostgresLocation } from '@ratchet/corpus-postgres';

/** Where a queue lives: the database to connect to, the schema pg-boss keeps its tables in, how to show it. */
export interface QueueLocation {
  connectionString: string;
  /** pg-boss's own schema: `ratchet_queue`, or `<schema>_queue` for a URL with `?schema=NAME`. */
  schema: string;
  displayUrl: string;
}

/**
 * Reads a queue URL: the same `postgres://…[?schema=NAME]` URL as the corpus's, so a team names one
 * database for both. The queue's tables go in a schema of their own beside the corpus's.
 *
 * @throws {UnsupportedStoreError} for a URL that does not parse or a schema name that is not plain.
 */
export function parseQueueLocation(url: string): QueueLocation {
  const location = parsePostgresLocation(url);
  const base = location.schema === 'public' ? 'ratchet' : location.schema.slice(0, 56);
  return { connectionString: location.connectionString, schema: `${base}_queue`, displayUrl: location.displayUrl };
}
