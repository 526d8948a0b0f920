import type { CellRecord } from '@ratchet/corpus';

/**
 * The one definition of a failed cell, used by `--retry-failed` and nothing else: the harness ran it
 * (`status: 'ok'`), it was judged (a verdict), and the verdict is not resolved. A strategy program's
 * failure is failed (it is scored). An infra cell is not (the harness failed: no outcome; re-run it
 * with `retry: 'infra'`), nor is an unjudged one (no outcome known).
 *
 * @example
 * isFailedCell({ ...cell, status: 'ok', verdict: { ...verdict, resolved: false } }); // => true
 */
export function isFailedCell(cell: CellRecord): boolean {
  return cell.status === 'ok' && cell.verdict !== null && !cell.verdict.resolved;
}

/** The cells `retry: 'infra'` re-runs: the harness failed on them persistently. */
export function isInfraCell(cell: CellRecord): cell is CellRecord & { status: 'infra' } {
  return cell.status === 'infra';
}

/** How many of `cells` match, per arm, in the order arms first appear. */
export function countByArm(cells: readonly CellRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(cell.armId, (counts.get(cell.armId) ?? 0) + 1);
  return counts;
}
