import { UnsupportedStoreError } from '@ratchet/corpus';

/** A `postgres://` store URL, read: what to connect to, which schema holds the corpus, how to show it. */
export interface PostgresLocation {
  /** The URL for node-postgres, without the `schema` parameter. */
  connectionString: string;
  /** The schema the corpus tables live in; `public` unless the URL says `?schema=NAME`. */
  schema: string;
  /** The URL as given, its password replaced by `***`: what messages and `corpus.url` show. */
  displayUrl: string;
}

const schemaName = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a `postgres://USER:PASSWORD@HOST:PORT/DATABASE?schema=NAME` URL. `schema` (lower-case letters,
 * digits, `_`) lets one database hold several corpora, e.g. one per team or one per test; it is created
 * when missing. Every other parameter (`sslmode`, `application_name`, …) goes to node-postgres as given.
 *
 * @throws {UnsupportedStoreError} for a URL that does not parse or a schema name that is not plain.
 * @example
 * parsePostgresLocation('postgres://ci:secret@db:5432/ratchet?schema=team_a');
 * // => { connectionString: 'postgres://ci:secret@db:5432/ratchet', schema: 'team_a', displayUrl: 'postgres://ci:***@db:5432/ratchet?schema=team_a' }
 */
export function parsePostgresLocation(url: string): PostgresLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new UnsupportedStoreError(url.replace(/:[^:@/]*@/, ':***@'), 'expected postgres://USER@HOST:PORT/DATABASE', {
      cause,
    });
  }
  const schema = parsed.searchParams.get('schema') ?? 'public';
  const display = new URL(parsed.href);
  if (display.password) display.password = '***';
  if (!schemaName.test(schema)) {
    throw new UnsupportedStoreError(
      display.href,
      `the schema "${schema}" is not a plain name: use lower-case letters, digits and _ (at most 63), starting with a letter or _`,
    );
  }
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.href, schema, displayUrl: display.href };
}
