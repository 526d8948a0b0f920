import type { DatabaseSync } from 'node:sqlite';
import { parseCellRecord, parseRunManifest, parseRunRecord } from '../parse-record';
import { upgradeRecord } from '../upgrade-record';

const pageSize = 500;

/** A table of record bodies, how to validate an upgraded body, and the columns it fills. */
const tables = [
  { table: 'manifests', key: 'run_id', parse: parseRunManifest, columns: false },
  { table: 'attempts', key: 'record_id', parse: parseRunRecord, columns: true },
  { table: 'cells', key: 'cell_id', parse: parseCellRecord, columns: true },
] as const;

/**
 * Rewrites every stored body from record schema 1 to 2 with `upgradeRecord` — the same upgrade JSON
 * Lines import uses — validating each against the new schema, and fills the `try_number` and
 * `replicate` columns of attempts and cells. Runs inside the migration's transaction, so a record that
 * cannot be upgraded (a cell chosen by the oracle) leaves the whole database as it was.
 */
export function upgradeStoredBodies(db: DatabaseSync, location: string): void {
  for (const { table, key, parse, columns } of tables) {
    // Paged by key so no row is updated while a statement is still scanning its table.
    const page = db.prepare(`SELECT ${key} AS id, body FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`);
    const update = db.prepare(
      columns
        ? `UPDATE ${table} SET body = ?, try_number = ?, replicate = ? WHERE ${key} = ?`
        : `UPDATE ${table} SET body = ? WHERE ${key} = ?`,
    );
    let after = '';
    for (;;) {
      const rows = page.all(after, pageSize) as Array<{ id: string; body: string }>;
      if (rows.length === 0) break;
      for (const row of rows) {
        const record = parse(upgradeRecord(JSON.parse(row.body), location), { source: `${location} (${table})` });
        const body = JSON.stringify(record);
        if (record.kind === 'manifest') update.run(body, row.id);
        else update.run(body, record.try, record.replicate, row.id);
      }
      after = (rows.at(-1) as { id: string }).id;
    }
  }
}
