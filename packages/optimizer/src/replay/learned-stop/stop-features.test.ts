import type { CheckResult, Usage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import type { ReplayView } from '../stop-policy';
import { stopFeatures } from './stop-features';

const measured = (workUnits: number | null, usd: number | null = null): Usage => ({
  turns: null,
  tokensIn: null,
  tokensOut: null,
  usd,
  wallMs: null,
  workUnits,
  costProvenance: usd === null ? 'unknown' : 'measured',
});

function view(index: number, checks: CheckResult[], usage: Usage, failure: ReplayView['failure'] = null): ReplayView {
  return { index, steer: null, from: null, output: null, checks, usage, failure };
}

const check = (passed: boolean | null, score: number | null): CheckResult => ({ name: 'c', passed, score });

describe('stopFeatures', () => {
  const history = [
    view(0, [check(false, 0.2)], measured(100)),
    view(1, [check(false, 0.6)], measured(50)),
    // Two checks: one scored 0.4 and failing, one passing without a score; the agent timed out.
    view(2, [check(false, 0.4), check(true, null)], measured(100), { reason: 'timeout', message: 'time limit' }),
  ];

  it('reads a three-attempt history', () => {
    const features = stopFeatures(history);
    // 0.4 − 0.6 in units of 0.8, up to rounding.
    expect(features.scoreTrend).toBeCloseTo(-0.25, 12);
    expect({ ...features, scoreTrend: 'checked' }).toEqual({
      passFraction: 0.5,
      passChange: 0.5,
      bestPassFraction: 0.5,
      // first shortfall 0.8; the best (0.6) leaves 0.4 of it: half.
      gapLeft: 0.5,
      scoreTrend: 'checked',
      continuable: 0,
      attempts: 3,
      // 250 work units over the first attempt's 100.
      spend: 2.5,
    });
  });

  it('reads the first attempt alone as a whole gap, no trend, one attempt of spend', () => {
    expect(stopFeatures(history.slice(0, 1))).toEqual({
      passFraction: 0,
      passChange: 0,
      bestPassFraction: 0,
      gapLeft: 1,
      scoreTrend: 0,
      continuable: 1,
      attempts: 1,
      spend: 1,
    });
  });

  it('counts spend in dollars when work units are missing, and in attempts when both are', () => {
    const dollars = [view(0, [], measured(null, 0.02)), view(1, [], measured(5, 0.03))];
    expect(stopFeatures(dollars).spend).toBeCloseTo(2.5, 12);
    const neither = [view(0, [], measured(null)), view(1, [], measured(null)), view(2, [], measured(3))];
    expect(stopFeatures(neither).spend).toBe(3);
  });

  it('gives a history with no measured check a whole gap and no trend', () => {
    const unmeasured = [view(0, [check(null, null)], measured(1)), view(1, [], measured(1))];
    expect(stopFeatures(unmeasured)).toMatchObject({ passFraction: 0, gapLeft: 1, scoreTrend: 0, attempts: 2 });
  });
});
