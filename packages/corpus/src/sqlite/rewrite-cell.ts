import type { StatementSync } from 'node:sqlite';
import { cellAppendOutcome } from '../cell-append-outcome';
import type { CellRecord } from '../cell-record';
import { verdictResolved } from './verdict-resolved';

/**
 * A cell appended under an id already stored: a duplicate, or a later try replacing an infra cell
 * (`cellAppendOutcome` decides, and refuses anything else); a replacement rewrites the row in place.
 */
export function rewriteCell(
  prepare: (sql: string) => StatementSync,
  cell: CellRecord,
  body: string,
): 'duplicate' | 'replace' {
  const existing = prepare('SELECT body FROM cells WHERE cell_id = ?').get(cell.cellId) as { body: string };
  if (existing.body === body) return 'duplicate';
  const outcome = cellAppendOutcome(JSON.parse(existing.body) as CellRecord, cell);
  if (outcome === 'replace') {
    prepare(
      'UPDATE cells SET try_number = ?, status = ?, resolved = ?, created_at = ?, body = ? WHERE cell_id = ?',
    ).run(cell.try, cell.status, verdictResolved(cell), cell.createdAt, body, cell.cellId);
  }
  return outcome;
}
