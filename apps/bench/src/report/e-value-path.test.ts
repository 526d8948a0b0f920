import { describe, expect, it } from 'vitest';
import { eValuePathLine } from './e-value-path';

describe('eValuePathLine', () => {
  it('says why a sequential gate stopped and samples its e-value path', () => {
    const eValues = Array.from({ length: 11 }, (_, i) => (i < 1 ? 1 : (4 / 3) * 1.5 ** (i - 1)));
    expect(
      eValuePathLine({
        sequential: { itemsSpent: 11, maxItems: 200, stoppedBy: 'evidence', eValues, barrier: 39.99999 },
      }),
    ).toBe('stopped by evidence after 11 of 200 items · e-value 1.00 → 2.00 → 4.50 → 10.1 → 22.8 → 51.3 (1/α = 40)');
  });

  it('shows a short path whole, and a decision with no stop yet', () => {
    expect(
      eValuePathLine({
        sequential: { itemsSpent: 3, maxItems: 10, stoppedBy: 'cap', eValues: [1, 1.5, 0.75], barrier: 40 },
      }),
    ).toBe('stopped at the cap after 3 of 10 items · e-value 1.00 → 1.50 → 0.750 (1/α = 40)');
    expect(eValuePathLine({ sequential: { itemsSpent: 0, maxItems: 10, stoppedBy: null, eValues: [] } })).toBe(
      'not stopped yet after 0 of 10 items · e-value no pair yet',
    );
  });

  it('is null for a fixed-n decision or something that is not a decision', () => {
    expect(eValuePathLine({ lift: { estimate: 0.1 } })).toBeNull();
    expect(eValuePathLine('promoted')).toBeNull();
  });
});
