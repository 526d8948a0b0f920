import type { CheckResult, Usage } from '@ratchet/corpus';
import { scoreOfChecks } from '@ratchet/runtime';
import type { ReplayView } from '../stop-policy';

/** The features a learned stop policy reads, in the order its weights are stored. */
export const stopFeatureNames = [
  'passFraction',
  'passChange',
  'bestPassFraction',
  'gapLeft',
  'scoreTrend',
  'continuable',
  'attempts',
  'spend',
] as const;
export type StopFeatureName = (typeof stopFeatureNames)[number];

/**
 * What a stop policy knows of a cell after an attempt, each figure scale-free so that one policy can
 * read any family's history:
 * - `passFraction`: the share of the last attempt's checks that passed (0 when none says);
 * - `passChange`: its change since the previous attempt (0 after the first);
 * - `bestPassFraction`: the highest so far;
 * - `gapLeft`: how much of the first attempt's check shortfall the best attempt so far still leaves,
 *   (1 − best score) / (1 − first score), check scores clamped to [0, 1]; 1 when the first attempt's
 *   shortfall is 0 or not measured. A fraction of the cell's own gap, so a sat score of 0.99 and a dsl
 *   score of 0.5 mean the same thing when neither has moved;
 * - `scoreTrend`: the last attempt's check score minus the previous one's, in units of the same
 *   first shortfall, clamped to [−1, 1] (0 after the first attempt);
 * - `continuable`: 1 when the last attempt ended without an agent failure (time limit, exit, error),
 *   else 0. The record keeps no checkpoint flag, so this is what a replay can know of "can continue";
 * - `attempts`: attempts used so far;
 * - `spend`: the cell's spend so far in units of its own first attempt's spend: work units when every
 *   attempt reports them, else dollars when every one reports them, else attempts. Relative to the cell,
 *   so no family's budget or price is needed at run time.
 *
 * Reads views only: no verdict can reach a feature (docs/design.md rule 1).
 *
 * @example
 * stopFeatures([first, second]); // => { passFraction: 0, …, gapLeft: 0.5, attempts: 2, spend: 2 }
 */
export function stopFeatures(history: readonly ReplayView[]): Record<StopFeatureName, number> {
  const last = history.at(-1);
  const previous = history.at(-2);
  const first = history[0];
  if (last === undefined || first === undefined) {
    return { ...zeroFeatures, gapLeft: 1, continuable: 1 };
  }
  const passFraction = passShare(last.checks);
  const scores = history.map((view) => clampedScore(view.checks));
  const firstGap = 1 - (scores[0] ?? 0);
  const lastScore = scores.at(-1) ?? 0;
  const best = Math.max(...scores);
  return {
    passFraction,
    passChange: previous === undefined ? 0 : passFraction - passShare(previous.checks),
    bestPassFraction: Math.max(...history.map((view) => passShare(view.checks))),
    gapLeft: firstGap <= 0 ? 1 : (1 - best) / firstGap,
    scoreTrend:
      previous === undefined || firstGap <= 0 ? 0 : clamp((lastScore - (scores.at(-2) ?? 0)) / firstGap, -1, 1),
    continuable: last.failure === null ? 1 : 0,
    attempts: history.length,
    spend: relativeSpend(history.map((view) => view.usage)),
  };
}

const zeroFeatures: Record<StopFeatureName, number> = Object.fromEntries(
  stopFeatureNames.map((name) => [name, 0]),
) as Record<StopFeatureName, number>;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

function passShare(checks: readonly CheckResult[]): number {
  const said = checks.filter((check) => check.passed !== null);
  return said.length === 0 ? 0 : said.filter((check) => check.passed === true).length / said.length;
}

/** The check score (mean score, else pass share) in [0, 1]; 0 when nothing was measured. */
function clampedScore(checks: readonly CheckResult[]): number {
  return clamp(scoreOfChecks(checks) ?? 0, 0, 1);
}

/** Spend so far over the first attempt's, in the first figure every attempt measured; else attempts. */
function relativeSpend(usages: readonly Usage[]): number {
  for (const figure of ['workUnits', 'usd'] as const) {
    const values = usages.map((usage) => usage[figure]);
    const firstValue = values[0];
    if (values.every((value): value is number => value !== null) && firstValue !== null && firstValue > 0) {
      return values.reduce((sum, value) => sum + value, 0) / (firstValue as number);
    }
  }
  return usages.length;
}
