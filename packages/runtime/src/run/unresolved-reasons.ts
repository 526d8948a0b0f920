import type { CellRecord } from '@ratchet/corpus';

/** The reason a judge gives for an unresolved verdict whose details name none. */
export const noReasonGiven = 'no reason given';

/**
 * Why an arm's judged cells were not resolved, by the reason the judge wrote in its verdict's
 * `details.reason` (`no-number`, `no-match`, `timeout`, …), counted per cell. Read for the report
 * only: verdicts are write-only, and this tally never reaches a cell. A run where every answer fails
 * the same way (a judge that finds no number in any output) usually means the answer format or the
 * judge's settings are wrong, not that the agent tried and failed.
 */
export function unresolvedReasons(cells: readonly CellRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const cell of cells) {
    if (cell.status !== 'ok' || cell.verdict === null || cell.verdict.resolved) continue;
    const details = cell.verdict.details;
    const reason =
      details !== null && typeof details === 'object' && !Array.isArray(details) && typeof details.reason === 'string'
        ? details.reason
        : noReasonGiven;
    counts[reason] = (counts[reason] ?? 0) + 1;
  }
  return counts;
}
