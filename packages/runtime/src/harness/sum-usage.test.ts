import type { Usage } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { sumUsage } from './sum-usage';

const measured: Usage = {
  turns: 2,
  tokensIn: 100,
  tokensOut: 20,
  usd: 0.01,
  wallMs: 50,
  workUnits: 300,
  costProvenance: 'measured',
};

describe('sumUsage', () => {
  it('adds measured figures', () => {
    expect(sumUsage([measured, measured])).toEqual({
      turns: 4,
      tokensIn: 200,
      tokensOut: 40,
      usd: 0.02,
      wallMs: 100,
      workUnits: 600,
      costProvenance: 'measured',
    });
  });

  it('makes a total unknown when any part is unknown, never a silently low number', () => {
    const unknown: Usage = { ...measured, tokensIn: null, usd: null, workUnits: null, costProvenance: 'unknown' };
    expect(sumUsage([measured, unknown])).toMatchObject({
      tokensIn: null,
      workUnits: null,
      usd: null,
      costProvenance: 'unknown',
      turns: 4,
    });
    expect(sumUsage([measured, { ...measured, costProvenance: 'estimated' }]).costProvenance).toBe('estimated');
  });

  it('sums cached input tokens when every part measured them, and says not measured otherwise', () => {
    expect(
      sumUsage([
        { ...measured, tokensInCached: 80 },
        { ...measured, tokensInCached: 20 },
      ]).tokensInCached,
    ).toBe(100);
    expect(sumUsage([{ ...measured, tokensInCached: 80 }, measured]).tokensInCached).toBeNull();
    expect(sumUsage([measured, measured])).not.toHaveProperty('tokensInCached');
  });

  it('sums nothing to zeros that are measured', () => {
    expect(sumUsage([])).toEqual({
      turns: 0,
      tokensIn: 0,
      tokensOut: 0,
      usd: 0,
      wallMs: 0,
      workUnits: 0,
      costProvenance: 'measured',
    });
  });
});
