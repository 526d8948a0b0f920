import { describe, expect, it } from 'vitest';
import { expandedConfidence, unexpandPValue } from './expanded-confidence';

describe('expandedConfidence', () => {
  it('widens the level at small n as Hesterberg prescribes', () => {
    // scipy: 1 − 2·norm.cdf(sqrt(10/9) · t.ppf(0.025, 9)) = 0.9828987219511873
    expect(expandedConfidence(0.95, 10)).toBeCloseTo(0.9828987219511873, 10);
  });

  it('approaches the nominal level as n grows', () => {
    expect(expandedConfidence(0.95, 10_000)).toBeCloseTo(0.95, 3);
  });

  it('maps p-values back so that p = α′ reads as α', () => {
    expect(unexpandPValue(1 - expandedConfidence(0.95, 10), 10)).toBeCloseTo(0.05, 10);
    expect(unexpandPValue(1, 10)).toBe(1);
  });
});
