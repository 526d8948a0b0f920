import { describe, expect, it } from 'vitest';
import { standardError } from './standard-error';

describe('standardError', () => {
  it('matches scipy.stats.sem', () => {
    // scipy 1.17: sem([2, 4, 4, 4, 5, 5, 7, 9]) = 0.7559289460184544
    expect(standardError([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(0.7559289460184544, 14);
  });

  it('accepts typed arrays', () => {
    expect(standardError(Float64Array.of(1, 3))).toBeCloseTo(1, 14);
  });

  it('refuses a single value, since its spread is undefined', () => {
    expect(() => standardError([1])).toThrow(/standardError: x needs at least 2 values, received 1/);
  });
});
