import { type CellRecord, type Corpus, supersededCellOf } from '@ratchet/corpus';
import { cellIdOf } from '../harness/cell-spec';
import type { CellToRun, PlannedCell } from './cells-to-run';
import { isInfraCell } from './failed-cells';

/**
 * Whether one planned cell still has to run, decided when a worker takes it rather than when it was
 * queued: delivery is at-least-once, so the cell may have been recorded since (null: nothing to do).
 * Its try is one more than any try recorded for it, so a try killed mid-cell (its attempts recorded,
 * its cell not) is never overwritten. `redoTry`: the try of the recorded infra cell this job is a
 * retry of (`--retry-infra`); that cell, and no later one, gets a new try that keeps it whole.
 */
export async function cellToRunNow<A extends { id: string }>(
  corpus: Corpus,
  runId: string,
  planned: PlannedCell<A>,
  redoTry: number | null,
): Promise<CellToRun<A> | null> {
  const cellId = cellIdOf(runId, planned.arm.id, planned.task.id, planned.replicate);
  const recorded = await corpus.cell(cellId);
  const redo = recorded !== null && redoTry !== null && isInfraCell(recorded) && recorded.try === redoTry;
  if (recorded !== null && !redo) return null;
  let latest = recorded?.try ?? -1;
  const filter = { runId, armId: planned.arm.id, taskId: planned.task.id, replicate: planned.replicate };
  for await (const record of corpus.iterateRecords(filter)) latest = Math.max(latest, record.try);
  const earlier = redo ? (recorded as CellRecord & { status: 'infra' }) : null;
  return {
    ...planned,
    cellId,
    tryNumber: latest + 1,
    ...(earlier ? { supersedes: [...(earlier.supersedes ?? []), supersededCellOf(earlier)] } : {}),
  };
}
