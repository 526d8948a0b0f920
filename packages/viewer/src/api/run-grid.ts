import type { CellRecord, Corpus } from '@ratchet/corpus';
import type { PageQuery } from './page-query';

/** One square of the per-task grid: enough to colour it and link to the cell. */
export interface GridCell {
  cellId: string;
  armId: string;
  taskId: string;
  replicate: number;
  split: CellRecord['split'];
  status: CellRecord['status'];
  /** The verdict on the chosen output: true, false, or null when unjudged (or infra). */
  resolved: boolean | null;
  attempts: number;
  chosenBy: CellRecord['chosenBy'];
  usd: number | null;
  wallMs: number | null;
  /** Set when the strategy program failed (the cell is its failure). */
  strategyFailed: boolean;
}

export interface RunGrid {
  /** The arms, in the manifest's order: the grid's columns. */
  arms: string[];
  /** This page's tasks: the grid's rows. */
  taskIds: string[];
  totalTasks: number;
  offset: number;
  limit: number;
  cells: GridCell[];
}

function gridCell(cell: CellRecord): GridCell {
  return {
    cellId: cell.cellId,
    armId: cell.armId,
    taskId: cell.taskId,
    replicate: cell.replicate,
    split: cell.split,
    status: cell.status,
    resolved: cell.verdict === null ? null : cell.verdict.resolved,
    attempts: cell.attempts,
    chosenBy: cell.chosenBy,
    usd: cell.spend.usd,
    wallMs: cell.spend.wallMs,
    strategyFailed: cell.strategyFailure != null,
  };
}

/** One page of a run's tasks with every arm's cells for them: two indexed queries, whatever the run's size. */
export async function runGrid(corpus: Corpus, arms: string[], runId: string, page: PageQuery): Promise<RunGrid> {
  const { taskIds, total } = await corpus.runTaskIds(runId, page);
  const cells = taskIds.length === 0 ? [] : await corpus.cells({ runId, taskIds });
  return { arms, taskIds, totalTasks: total, offset: page.offset, limit: page.limit, cells: cells.map(gridCell) };
}
