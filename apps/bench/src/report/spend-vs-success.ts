import type { ArmSummary } from '@ratchet/runtime';
import { paretoArms } from './pareto-arms';

export interface SpendVsSuccess {
  /** Dollars when every placed arm's usd is known, otherwise attempts. */
  metric: 'usd' | 'attempts';
  points: Array<{ armId: string; success: number; spend: number; onFront: boolean }>;
  /** Arms that cannot be placed: no judged cells. */
  unplaced: string[];
}

/**
 * Spend per cell against success rate for each arm, with the Pareto front marked. Spend is per cell so
 * that arms with different cell counts (an interrupted run) stay comparable.
 */
export function spendVsSuccess(arms: readonly ArmSummary[]): SpendVsSuccess {
  const placed = arms.filter((arm) => arm.successRate !== null && arm.cells > 0);
  const metric = placed.every((arm) => arm.spend.usd !== null) ? 'usd' : 'attempts';
  const points = placed.map((arm) => ({
    armId: arm.armId,
    success: arm.successRate?.estimate ?? 0,
    spend: (metric === 'usd' ? (arm.spend.usd ?? 0) : arm.attempts) / arm.cells,
  }));
  const front = new Set(paretoArms(points));
  return {
    metric,
    points: points.map((point) => ({ ...point, onFront: front.has(point.armId) })),
    unplaced: arms.filter((arm) => !placed.includes(arm)).map((arm) => arm.armId),
  };
}
