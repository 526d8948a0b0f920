import { describe, expect, it } from 'vitest';
import { pairedSummary } from './paired-summary';

describe('pairedSummary', () => {
  const a = [0.2, 0.4, 0.5, 0.3, 0.9, 0.1];
  const b = [0.3, 0.6, 0.5, 0.5, 0.8, 0.4];

  it('matches scipy ttest_rel and pearsonr', () => {
    // scipy 1.17: ttest_rel(b, a).confidence_interval(0.95) = (-0.0378060769360513, 0.2711394102693846);
    // sem(b − a) = 0.060092521257733164; pearsonr(a, b) = 0.903177909981556
    const summary = pairedSummary(a, b);
    expect(summary.meanDifference).toBeCloseTo(0.11666666666666667, 14);
    expect(summary.standardError).toBeCloseTo(0.060092521257733164, 14);
    expect(summary.low).toBeCloseTo(-0.0378060769360513, 10);
    expect(summary.high).toBeCloseTo(0.2711394102693846, 10);
    expect(summary.correlation).toBeCloseTo(0.903177909981556, 12);
    expect(summary.degreesOfFreedom).toBe(5);
  });

  it('uses C − 1 degrees of freedom and the clustered SE with clusters', () => {
    const summary = pairedSummary(a, b, ['x', 'x', 'y', 'y', 'z', 'z']);
    // numpy CR1 SE of b − a = 0.016666…; scipy t.ppf(0.975, 2) = 4.302652729749462
    expect(summary.degreesOfFreedom).toBe(2);
    expect(summary.standardError).toBeCloseTo(0.016666666666666646, 12);
    expect(summary.low).toBeCloseTo(0.044955787837509045, 9);
    expect(summary.high).toBeCloseTo(0.18837754549582425, 9);
  });

  it('reports an undefined correlation as null, not 0', () => {
    expect(pairedSummary([1, 1, 1], [0, 1, 0]).correlation).toBeNull();
  });

  it('refuses arms of different lengths', () => {
    expect(() => pairedSummary([1, 2], [1, 2, 3])).toThrow(
      /pairedSummary: b must have the same length as a \(2\), received 3/,
    );
  });
});
