import { describe, expect, it } from 'vitest';
import { signTest } from './sign-test';

describe('signTest', () => {
  it('drops ties and tests the signs exactly', () => {
    // R: binom.test(5, 6)$p.value = 0.21875
    const result = signTest([1, 2, -1, 3, 0, 4, 5]);
    expect(result).toMatchObject({ positives: 5, negatives: 1, ties: 1 });
    expect(result.pValue).toBeCloseTo(0.21875, 14);
  });

  it('supports one-sided alternatives', () => {
    // scipy: binomtest(9, 12, alternative='greater').pvalue = 0.072998046875
    const differences = [1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1];
    expect(signTest(differences, 'greater').pValue).toBeCloseTo(0.072998046875, 12);
    expect(signTest(differences, 'less').pValue).toBeCloseTo(0.980712890625, 12);
  });

  it('returns p = 1 when every difference is a tie', () => {
    expect(signTest([0, 0, 0]).pValue).toBe(1);
  });

  it('refuses a non-finite difference, naming its index', () => {
    expect(() => signTest([1, Number.NaN])).toThrow(/signTest: differences\[1\] must be a finite number/);
  });
});
