import type { CellRecord } from '@ratchet/corpus';

export const outcomes = ['resolved', 'failed', 'infra', 'unjudged'] as const;
export type Outcome = (typeof outcomes)[number];
export type OutcomeCounts = Record<Outcome, number>;

/** A cell's outcome: the harness failed (infra), no verdict (unjudged), or the verdict's resolved flag. */
export function outcomeOf(cell: CellRecord): Outcome {
  if (cell.status === 'infra') return 'infra';
  if (cell.verdict === null) return 'unjudged';
  return cell.verdict.resolved ? 'resolved' : 'failed';
}

/** Outcome counts per task, then per arm, summed over replicates. */
export function tallyOutcomes(cells: readonly CellRecord[]): Map<string, Map<string, OutcomeCounts>> {
  const byTask = new Map<string, Map<string, OutcomeCounts>>();
  for (const cell of cells) {
    const byArm = byTask.get(cell.taskId) ?? new Map<string, OutcomeCounts>();
    const counts = byArm.get(cell.armId) ?? { resolved: 0, failed: 0, infra: 0, unjudged: 0 };
    counts[outcomeOf(cell)] += 1;
    byArm.set(cell.armId, counts);
    byTask.set(cell.taskId, byArm);
  }
  return byTask;
}
