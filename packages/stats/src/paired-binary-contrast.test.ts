import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './invalid-input-error';
import { pairedBinaryContrast } from './paired-binary-contrast';

const bits = (text: string) => [...text].map(Number);

describe('pairedBinaryContrast', () => {
  it('gives the lift, Tango’s interval and McNemar’s exact p-value for 8 wins and 1 loss in 12', () => {
    const result = pairedBinaryContrast(bits('110000000000'), bits('011111111100'));
    expect(result).toMatchObject({ n: 12, wins: 8, losses: 1, test: 'mcnemar-exact' });
    expect(result.estimate).toBeCloseTo(7 / 12, 14);
    // scipy brentq on Tango's score (formula in paired-lift-interval.test.ts): (0.10290698204302724, 0.8302003209190537)
    expect(result.low).toBeCloseTo(0.10290698204302724, 9);
    expect(result.high).toBeCloseTo(0.8302003209190537, 9);
    // scipy: binomtest(1, 9).pvalue = 0.0390625
    expect(result.pValue).toBe(0.0390625);
  });

  it('reads the interval at the requested confidence', () => {
    // scipy, same formula at 90%: (0.19100569996192676, 0.804095233141446)
    const result = pairedBinaryContrast(bits('110000000000'), bits('011111111100'), { confidence: 0.9 });
    expect(result.low).toBeCloseTo(0.19100569996192676, 9);
    expect(result.high).toBeCloseTo(0.804095233141446, 9);
  });

  it('counts ties as neither wins nor losses and keeps them in n', () => {
    // 3 wins, 2 losses, 2 ties in 7. scipy: Tango (−0.435037979240834, 0.6311588888304411); binomtest(2, 5).pvalue = 1
    const result = pairedBinaryContrast(bits('1100101'), bits('0011111'));
    expect(result).toMatchObject({ n: 7, wins: 3, losses: 2, pValue: 1 });
    expect(result.estimate).toBeCloseTo(1 / 7, 14);
    expect(result.low).toBeCloseTo(-0.435037979240834, 9);
    expect(result.high).toBeCloseTo(0.6311588888304411, 9);
  });

  it('has an interval of positive width when the arms agree on every task', () => {
    const result = pairedBinaryContrast(bits('0110'), bits('0110'));
    expect(result).toMatchObject({ estimate: 0, pValue: 1, wins: 0, losses: 0 });
    expect(result.high - result.low).toBeGreaterThan(0);
  });

  it('refuses values other than 0 and 1, naming the arm and the index', () => {
    expect(() => pairedBinaryContrast([0, 1, 0.5], [1, 1, 1])).toThrow(InvalidInputError);
    expect(() => pairedBinaryContrast([0, 1, 0.5], [1, 1, 1])).toThrow(
      'pairedBinaryContrast: a[2] must be 0 or 1 (a pass/fail outcome), received 0.5',
    );
    expect(() => pairedBinaryContrast([0, 1], [1, 2])).toThrow('pairedBinaryContrast: b[1] must be 0 or 1');
    expect(() => pairedBinaryContrast([0, 1], [1, Number.NaN])).toThrow(
      'b[1] must be 0 or 1 (a pass/fail outcome), received NaN',
    );
    const fromJson = [1, null] as unknown as number[];
    expect(() => pairedBinaryContrast([0, 1], fromJson)).toThrow(
      'b[1] must be 0 or 1 (a pass/fail outcome), received null',
    );
    const strings = ['1', '0'] as unknown as number[];
    expect(() => pairedBinaryContrast(strings, [1, 1])).toThrow(
      "a[0] must be 0 or 1 (a pass/fail outcome), received the string '1'",
    );
  });

  it('refuses arms of different lengths and an empty holdout', () => {
    expect(() => pairedBinaryContrast([0, 1, 1], [1, 1])).toThrow(
      'pairedBinaryContrast: b must have the same length as a (3), received 2',
    );
    expect(() => pairedBinaryContrast([], [])).toThrow('pairedBinaryContrast: a needs at least 1 outcome, received 0');
    expect(() => pairedBinaryContrast([1], [1], { confidence: 1.2 })).toThrow(/confidence must be a probability/);
  });
});
