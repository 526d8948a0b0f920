import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg';
import { holm } from './holm';
import { InvalidInputError } from './invalid-input-error';

describe('holm', () => {
  it('matches R p.adjust(method = "holm") with ties, in input order', () => {
    // R: p.adjust(c(0.01, 0.04, 0.03, 0.2, 0.04, 0.5, 0.001), "holm")
    const expected = [0.06, 0.16, 0.15, 0.4, 0.16, 0.5, 0.007];
    holm([0.01, 0.04, 0.03, 0.2, 0.04, 0.5, 0.001]).forEach((p, i) => {
      expect(p).toBeCloseTo(expected[i] as number, 14);
    });
  });

  it('matches the R documentation vector c(0.01, 0.02, 0.03, 0.04, 0.05)', () => {
    expect(holm([0.01, 0.02, 0.03, 0.04, 0.05]).map((p) => Number(p.toFixed(10)))).toEqual([
      0.05, 0.08, 0.09, 0.09, 0.09,
    ]);
  });

  it('returns an empty list for no tests and refuses NaN', () => {
    expect(holm([])).toEqual([]);
    expect(() => holm([Number.NaN])).toThrow(/holm: pValues\[0\]/);
  });

  it('is at least as strict as BH and never below the raw p-value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), (ps) => {
        const adjusted = holm(ps);
        const q = benjaminiHochberg(ps);
        ps.forEach((p, i) => {
          expect(adjusted[i]).toBeGreaterThanOrEqual(p);
          expect(adjusted[i]).toBeGreaterThanOrEqual((q[i] as number) - 1e-15);
        });
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
    expect(() => holm(pValues)).toThrow(InvalidInputError);
    expect(() => holm(pValues)).toThrow(`holm: pValues[1] must be a p-value in [0, 1], received ${received}`);
  });
});
