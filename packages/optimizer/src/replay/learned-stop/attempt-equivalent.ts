import type { LoggedArm } from '../logged-arm';
import type { ReplayedCell } from '../replay-stop';

/** How one benchmark's spend is counted in a learner's objective: a unit and the size of one attempt in it. */
export interface AttemptEquivalent {
  readonly spendUnit: 'workUnits' | 'usd' | 'attempts';
  /** The median spend of one attempt in that unit (1 for attempts). */
  readonly attemptEquivalent: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The unit a benchmark's spend is normalised in, so that one objective can add spend across families:
 * work units when every attempt of its arms reports them, else dollars when every one does, else
 * attempts; divided by the median spend of one attempt in that unit over the same attempts (one
 * attempt-equivalent). A unit whose median is 0 falls back to attempts.
 */
export function attemptEquivalentOf(arms: readonly LoggedArm[]): AttemptEquivalent {
  const usages = arms.flatMap((arm) => [...arm.records.values()].map((record) => record.usage));
  for (const spendUnit of ['workUnits', 'usd'] as const) {
    const values = usages.map((usage) => usage[spendUnit]);
    if (values.length > 0 && values.every((value): value is number => value !== null)) {
      const size = median(values);
      if (size > 0) return { spendUnit, attemptEquivalent: size };
    }
  }
  return { spendUnit: 'attempts', attemptEquivalent: 1 };
}

/** A replayed cell's spend in attempt-equivalents. */
export function spendOf(cell: ReplayedCell, unit: AttemptEquivalent): number {
  const value = unit.spendUnit === 'attempts' ? cell.attempts : cell[unit.spendUnit];
  return value === null ? cell.attempts : value / unit.attemptEquivalent;
}
