import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusteredStandardError } from './clustered-standard-error';
import { standardError } from './standard-error';

describe('clusteredStandardError', () => {
  it('matches the CR1 sandwich computed by hand', () => {
    // numpy: e = x − mean(x); sqrt(C/(C−1) · Σ_g (Σ e_g)² / n²) = 0.874255635764887
    const x = [1, 2, 3, 4, 5, 6, 2.5, 7];
    const clusters = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'];
    expect(clusteredStandardError(x, clusters)).toBeCloseTo(0.874255635764887, 12);
  });

  it('equals the ordinary standard error when every observation is its own cluster', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 50 }), (x) => {
        const clusters = x.map((_, i) => i);
        expect(clusteredStandardError(x, clusters)).toBeCloseTo(standardError(x), 9);
      }),
    );
  });

  it('grows when correlated observations share clusters', () => {
    const x = [1, 1.1, 5, 5.2, 9, 9.1];
    expect(clusteredStandardError(x, ['a', 'a', 'b', 'b', 'c', 'c'])).toBeGreaterThan(standardError(x));
  });

  it('refuses one cluster and mismatched lengths', () => {
    expect(() => clusteredStandardError([1, 2, 3], ['a', 'a', 'a'])).toThrow(
      /at least 2 distinct clusters, received 1/,
    );
    expect(() => clusteredStandardError([1, 2, 3], ['a', 'b'])).toThrow(
      /clusters must have the same length as x \(3\)/,
    );
  });
});
