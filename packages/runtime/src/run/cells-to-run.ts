import { type CellRecord, type Corpus, type SupersededCell, supersededCellOf } from '@ratchet/corpus';
import { RuntimeError } from '../contracts/runtime-error';
import type { Task } from '../contracts/task';
import { cellIdOf } from '../harness/cell-spec';
import { earlierTries } from './earlier-tries';
import { isFailedCell, isInfraCell } from './failed-cells';

export interface PlannedCell<A extends { id: string }> {
  task: Task;
  replicate: number;
  arm: A;
}

export interface CellToRun<A extends { id: string }> extends PlannedCell<A> {
  cellId: string;
  tryNumber: number;
  /** The infra cells this try replaces (`retry: 'infra'`), kept whole in its record. */
  supersedes?: SupersededCell[];
}

/**
 * Which planned cells this invocation runs. A recorded cell is never run again — except an infra cell
 * under `retry: 'infra'`, which gets a new try that keeps the old cell whole. Each cell's try is one
 * more than any try recorded for it, so a killed try is never overwritten.
 */
export async function cellsToRun<A extends { id: string }>(
  corpus: Corpus,
  runId: string,
  plan: ReadonlyArray<PlannedCell<A>>,
  retry: 'infra' | null,
): Promise<{ pending: Array<CellToRun<A>>; skipped: number }> {
  const recorded = new Map((await corpus.cells({ runId })).map((cell) => [cell.cellId, cell]));
  const redo = new Map(
    [...recorded].filter(([, cell]) => retry === 'infra' && isInfraCell(cell)) as Array<
      [string, CellRecord & { status: 'infra' }]
    >,
  );
  const finished = new Set([...recorded.keys()].filter((id) => !redo.has(id)));
  const tries = await earlierTries(corpus, runId, finished);
  const pending: Array<CellToRun<A>> = [];
  for (const cell of plan) {
    const cellId = cellIdOf(runId, cell.arm.id, cell.task.id, cell.replicate);
    if (finished.has(cellId)) continue;
    const earlier = redo.get(cellId);
    const tryNumber = Math.max(tries.get(cellId) ?? -1, earlier?.try ?? -1) + 1;
    pending.push({
      ...cell,
      cellId,
      tryNumber,
      ...(earlier ? { supersedes: [...(earlier.supersedes ?? []), supersededCellOf(earlier)] } : {}),
    });
  }
  return { pending, skipped: plan.length - pending.length };
}

/**
 * The planned cells that failed in `originalRunId` (`isFailedCell`), for a retry of failures: the
 * original's (arm, task, replicate) keys only.
 *
 * @throws {RuntimeError} when the original run is not in the corpus or has no failed cell.
 */
export async function failedCellsOf<A extends { id: string }>(
  corpus: Corpus,
  originalRunId: string,
  plan: ReadonlyArray<PlannedCell<A>>,
): Promise<Array<PlannedCell<A>>> {
  if (!(await corpus.manifest(originalRunId))) {
    throw new RuntimeError(`retryFailedOf: no run "${originalRunId}" is in the corpus`);
  }
  const failed = new Set(
    (await corpus.cells({ runId: originalRunId }))
      .filter(isFailedCell)
      .map((cell) => `${cell.armId}\u0000${cell.taskId}\u0000${cell.replicate}`),
  );
  const chosen = plan.filter((cell) => failed.has(`${cell.arm.id}\u0000${cell.task.id}\u0000${cell.replicate}`));
  if (chosen.length === 0) throw new RuntimeError(`retryFailedOf: run "${originalRunId}" has no failed cell to retry`);
  return chosen;
}
