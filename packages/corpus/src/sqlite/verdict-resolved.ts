import type { CellRecord } from '../cell-record';

/** The `resolved` column of a cell: 1, 0, or null when it has no verdict. */
export function verdictResolved(cell: CellRecord): number | null {
  return cell.verdict === null ? null : Number(cell.verdict.resolved);
}
