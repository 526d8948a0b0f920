import type { ArmSummary } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { buildReportFixture } from './build-report-fixture';
import { spendVsSuccess } from './spend-vs-success';

const { summary } = buildReportFixture();
const [random, refine] = summary.arms as [ArmSummary, ArmSummary, ArmSummary];

describe('spendVsSuccess', () => {
  it('uses usd per cell when every arm’s cost is known', () => {
    const plane = spendVsSuccess([random, { ...refine, spend: { ...random.spend, usd: 0.006 } }]);
    expect(plane.metric).toBe('usd');
    expect(plane.points).toEqual([
      { armId: 'random', success: 0.5, spend: 0.002, onFront: false },
      { armId: 'refine', success: 0.75, spend: 0.001, onFront: true },
    ]);
  });

  it('falls back to attempts per cell when any cost is unknown', () => {
    const plane = spendVsSuccess(summary.arms);
    expect(plane.metric).toBe('attempts');
    expect(plane.points.map((p) => [p.armId, p.spend, p.onFront])).toEqual([
      ['random', 8 / 6, false],
      ['refine', 8 / 6, true],
      ['<img onerror=alert(1)>', 2 / 6, true],
    ]);
  });

  it('leaves out arms with no judged cells and names them', () => {
    const plane = spendVsSuccess([random, { ...refine, successRate: null }]);
    expect(plane.points.map((p) => p.armId)).toEqual(['random']);
    expect(plane.unplaced).toEqual(['refine']);
  });
});
