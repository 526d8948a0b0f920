import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one write transaction, taking the write lock up front (`BEGIN IMMEDIATE`) so
 * concurrent writers queue instead of deadlocking; rolls back and rethrows when `work` throws.
 */
export function writeTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
