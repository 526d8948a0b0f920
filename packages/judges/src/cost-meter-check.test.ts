import { unmeasuredUsage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { costMeterCheck } from './cost-meter-check';
import { InvalidOptionsError } from './invalid-options-error';

describe('costMeterCheck', () => {
  it('passes under the cap and scores the share spent', async () => {
    const usage = { ...unmeasuredUsage, usd: 0.5, costProvenance: 'measured' as const };
    expect(await costMeterCheck({ capUsd: 2 }).run('out', { usage })).toEqual({
      name: 'cost',
      passed: true,
      score: 0.25,
      details: { spentUsd: 0.5, capUsd: 2, costProvenance: 'measured' },
    });
  });

  it('fails over the cap and keeps an estimated provenance', async () => {
    const usage = { ...unmeasuredUsage, usd: 3, costProvenance: 'estimated' as const };
    expect(await costMeterCheck({ capUsd: 2 }).run('out', { usage })).toMatchObject({
      passed: false,
      score: 1.5,
      details: { costProvenance: 'estimated' },
    });
  });

  it('treats a spend of exactly 0 as measured and passing', async () => {
    const usage = { ...unmeasuredUsage, usd: 0, costProvenance: 'measured' as const };
    expect(await costMeterCheck({ capUsd: 1 }).run('out', { usage })).toMatchObject({ passed: true, score: 0 });
  });

  it('reports null, never 0, when the cost is unknown or not metered', async () => {
    const unknown = {
      name: 'cost',
      passed: null,
      score: null,
      details: { spentUsd: null, capUsd: 1, costProvenance: 'unknown' },
    };
    expect(await costMeterCheck({ capUsd: 1 }).run('out', { usage: unmeasuredUsage })).toEqual(unknown);
    expect(await costMeterCheck({ capUsd: 1 }).run('out')).toEqual(unknown);
  });

  it('refuses a cap that is not a positive number', () => {
    expect(() => costMeterCheck({ capUsd: -1 })).toThrow(InvalidOptionsError);
  });
});
