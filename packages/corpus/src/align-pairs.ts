import type { PairedOutcomes } from './corpus';

/** One cell as the pairing sees it: its task, whether the harness failed, and the metric's value. */
export interface PairRow {
  taskId: string;
  status: 'ok' | 'infra';
  value: number | null;
}

/** One task's cells on one side, summarised (a store may compute this in its query language). */
export interface TaskTally {
  taskId: string;
  /** All cells of the task. */
  cells: number;
  /** Cells the harness failed on. */
  infra: number;
  /** Non-infra cells with a measured value, and the sum of those values. */
  measured: number;
  sum: number;
}

/** Summarises cell rows per task. */
export function tallyRows(rows: Iterable<PairRow>): TaskTally[] {
  const byTask = new Map<string, TaskTally>();
  for (const row of rows) {
    let entry = byTask.get(row.taskId);
    if (!entry) {
      entry = { taskId: row.taskId, sum: 0, measured: 0, infra: 0, cells: 0 };
      byTask.set(row.taskId, entry);
    }
    entry.cells++;
    if (row.status === 'infra') entry.infra++;
    else if (row.value !== null) {
      entry.sum += row.value;
      entry.measured++;
    }
  }
  return [...byTask.values()];
}

const byTask = (tallies: Iterable<TaskTally>) => new Map([...tallies].map((tally) => [tally.taskId, tally]));

/**
 * Aligns two arms' cells by task (store-independent, so every store pairs the same way): averages
 * replicates per task, leaves out infra cells, and excludes — and lists — tasks that cannot pair.
 * Tasks come out sorted by id, so the same cells always give the same arrays.
 */
export function alignPairs(
  baselineTallies: Iterable<TaskTally>,
  candidateTallies: Iterable<TaskTally>,
): PairedOutcomes {
  const baseline = byTask(baselineTallies);
  const candidate = byTask(candidateTallies);
  const result: PairedOutcomes = {
    taskIds: [],
    baseline: [],
    candidate: [],
    replicates: { baseline: [], candidate: [] },
    excluded: { infra: [], unmeasured: [], unpaired: [] },
    infraCells: 0,
  };
  const taskIds = [...new Set([...baseline.keys(), ...candidate.keys()])].sort();
  for (const taskId of taskIds) {
    const before = baseline.get(taskId);
    const after = candidate.get(taskId);
    if (!before || !after) {
      result.excluded.unpaired.push(taskId);
      continue;
    }
    if (before.infra === before.cells || after.infra === after.cells) {
      result.excluded.infra.push(taskId);
      continue;
    }
    if (before.measured === 0 || after.measured === 0) {
      result.excluded.unmeasured.push(taskId);
      continue;
    }
    result.taskIds.push(taskId);
    result.baseline.push(before.sum / before.measured);
    result.candidate.push(after.sum / after.measured);
    result.replicates.baseline.push(before.measured);
    result.replicates.candidate.push(after.measured);
    result.infraCells += before.infra + after.infra;
  }
  return result;
}
