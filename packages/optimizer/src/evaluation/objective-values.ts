import type { CellRecord, ObjectiveSpec } from '@ratchet/corpus';
import { OptimizerError } from '../optimizer-error';
import type { TaskScores } from '../score-matrix';

/** The splits whose verdicts the search may read (docs/design.md rule 1): labels to learn from. Holdout is the gate's alone. */
export type SearchSplit = 'train' | 'val';

/** Raised when the search is handed a holdout cell: its verdict is read once, by the gate, and nowhere else. */
export class HoldoutReadError extends OptimizerError {
  constructor(cellId: string) {
    super(
      `cell ${cellId} is on the holdout split: the search reads verdicts of train and val cells only; holdout verdicts are read once, by the gate (docs/design.md rule 1)`,
    );
  }
}

/** Objectives read from a cell's spend rather than its verdict. */
const spendObjectives: Record<string, (cell: CellRecord) => number | null> = {
  usd: (cell) => cell.spend.usd,
  wallMs: (cell) => cell.spend.wallMs,
  workUnits: (cell) => cell.spend.workUnits,
  tokens: (cell) =>
    cell.spend.tokensIn === null || cell.spend.tokensOut === null ? null : cell.spend.tokensIn + cell.spend.tokensOut,
  attempts: (cell) => cell.attempts,
};

/** The objective names a search can read: `success`, the spend figures, or any score the family's judge writes. */
export const builtInObjectives = ['success', 'checks', ...Object.keys(spendObjectives)] as const;

/**
 * One cell's value on each objective: `success` is 1 when the verdict resolved the task, else 0;
 * `checks` is the final attempt's deployable check score (given by the caller, which reads the attempt);
 * the spend objectives read the cell's metered spend; any other name reads that score of the verdict.
 * Null where it was not measured (no verdict, an unmetered figure) and for an infra cell, which is no
 * outcome (docs/design.md rule 4) — never 0.
 *
 * @throws {HoldoutReadError} for a holdout cell.
 */
export function cellObjectives(
  cell: CellRecord,
  objectives: readonly ObjectiveSpec[],
  checks: number | null = null,
): TaskScores {
  if (cell.split === 'holdout') throw new HoldoutReadError(cell.cellId);
  const values: Record<string, number | null> = {};
  // A strategy program that failed (threw, ran past a limit) scores its failure: 0 on what is maximized,
  // never "not measured", which would drop the cell and flatter the program (an honest 0, issue 17).
  const programFailed = cell.strategyFailure !== undefined && cell.strategyFailure !== null;
  for (const { name, direction } of objectives) {
    if (cell.status === 'infra') values[name] = null;
    else if (name === 'success') values[name] = cell.verdict === null ? null : cell.verdict.resolved ? 1 : 0;
    else if (programFailed && direction === 'maximize' && !(name in spendObjectives)) values[name] = 0;
    else if (name === 'checks') values[name] = checks;
    else if (name in spendObjectives)
      values[name] = (spendObjectives[name] as (cell: CellRecord) => number | null)(cell);
    else values[name] = cell.verdict?.scores[name]?.value ?? null;
  }
  return values;
}

/**
 * One task's scores from its cells: each objective's mean over the replicates that measured it (docs/statistics.md:
 * replicates are averaged first, never counted as tasks); null when none did.
 */
export function taskObjectives(
  cells: readonly CellRecord[],
  objectives: readonly ObjectiveSpec[],
  checksOf: (cell: CellRecord) => number | null = () => null,
): TaskScores {
  const perCell = cells.map((cell) => cellObjectives(cell, objectives, checksOf(cell)));
  const values: Record<string, number | null> = {};
  for (const { name } of objectives) {
    const measured = perCell
      .map((scores) => scores[name])
      .filter((value): value is number => typeof value === 'number');
    values[name] = measured.length === 0 ? null : measured.reduce((sum, value) => sum + value, 0) / measured.length;
  }
  return values;
}
