import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg';
import { InvalidInputError } from './invalid-input-error';

const pValues = [0.01, 0.04, 0.03, 0.2, 0.04, 0.5, 0.001];

describe('benjaminiHochberg', () => {
  it('matches R p.adjust(method = "BH") with ties, in input order', () => {
    // scipy 1.17: false_discovery_control(p, method='bh'), identical to R's p.adjust(p, "BH")
    const expected = [0.035, 0.056, 0.056, 0.23333333333333336, 0.056, 0.5, 0.007];
    benjaminiHochberg(pValues).forEach((q, i) => {
      expect(q).toBeCloseTo(expected[i] as number, 14);
    });
  });

  it('returns an empty list for no tests', () => {
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('refuses NaN with the index and a hint', () => {
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(InvalidInputError);
    expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(
      /pValues\[1\] must be a p-value in \[0, 1\], received NaN/,
    );
  });

  it('never lowers a p-value, caps at 1, and keeps the order of the p-values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }), (ps) => {
        const qs = benjaminiHochberg(ps);
        for (let i = 0; i < ps.length; i++) {
          expect(qs[i]).toBeGreaterThanOrEqual(ps[i] as number);
          expect(qs[i]).toBeLessThanOrEqual(1);
          for (let j = 0; j < ps.length; j++) {
            if ((ps[i] as number) <= (ps[j] as number)) expect(qs[i]).toBeLessThanOrEqual(qs[j] as number);
          }
        }
      }),
    );
  });

  it.each([
    ['null', null],
    ['false', false],
    ["the string '0.2'", '0.2'],
    ['undefined', undefined],
    ['NaN', Number.NaN],
  ])('refuses %s as a p-value (a missing test is not p = 0), naming the index and the value', (received, missing) => {
    const pValues = [0.01, missing, 0.03] as unknown as number[];
    expect(() => benjaminiHochberg(pValues)).toThrow(InvalidInputError);
    expect(() => benjaminiHochberg(pValues)).toThrow(
      `benjaminiHochberg: pValues[1] must be a p-value in [0, 1], received ${received}`,
    );
  });
});
