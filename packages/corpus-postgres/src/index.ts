export { latestPostgresSchemaVersion } from './migrations';
export { openPostgresCorpus, postgresStoreOpener } from './open-postgres-corpus';
export type { PgDatabaseOptions } from './pg-database';
export { PostgresConnectionError } from './postgres-connection-error';
export { PostgresCorpus } from './postgres-corpus';
export { type PostgresLocation, parsePostgresLocation } from './postgres-location';
export { registerPostgresStore } from './register-postgres-store';
