import type { LiveArm } from './learned-stop-live';

export interface MatchedControl {
  /** The two budgets mixed: refine@kLow on a share 1 − weight of tasks, refine@kHigh on the rest. */
  readonly kLow: number;
  readonly kHigh: number;
  readonly weight: number;
  /** The control's expected outcome per task (task order of the arms). */
  readonly solved: readonly number[];
  readonly attempts: number;
  readonly workUnits: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The base controller at the budget that spends, on average, the work units a target arm spent: the
 * mixture of refine@k and refine@(k+1) (adjacent budgets whose mean work brackets the target) that runs
 * the larger on a share `weight` of tasks chosen at random. Its expected outcome per task is
 * (1 − weight) × solved@k + weight × solved@(k+1), so its mean work equals the target's exactly. The
 * weight is computed once from the sample means and held fixed (its own sampling error is not in the
 * paired interval). `byK[i]` is refine@(i + 1); every arm has the same tasks.
 */
export function matchedControl(byK: readonly LiveArm[], targetWork: number): MatchedControl {
  const ids = [...(byK[0] as LiveArm).keys()];
  const work = byK.map((arm) => mean(ids.map((id) => (arm.get(id) as { workUnits: number }).workUnits)));
  let low = 0;
  while (low < byK.length - 2 && (work[low + 1] as number) < targetWork) low++;
  const high = low + 1;
  const span = (work[high] as number) - (work[low] as number);
  const weight = span <= 0 ? 1 : Math.min(1, Math.max(0, (targetWork - (work[low] as number)) / span));
  const at = (k: number, id: string) =>
    (byK[k] as LiveArm).get(id) as { solved: number; attempts: number; workUnits: number };
  const mix = (pick: (cell: { solved: number; attempts: number; workUnits: number }) => number) =>
    ids.map((id) => (1 - weight) * pick(at(low, id)) + weight * pick(at(high, id)));
  return {
    kLow: low + 1,
    kHigh: high + 1,
    weight,
    solved: mix((cell) => cell.solved),
    attempts: mean(mix((cell) => cell.attempts)),
    workUnits: mean(mix((cell) => cell.workUnits)),
  };
}
