import type { NumericArray } from './validate';
import { assertPValues, orderAscending } from './validate-p-values';

/**
 * Benjamini–Hochberg q-values (false discovery rate adjusted p-values), returned in input order.
 * q₍ᵢ₎ = min over j ≥ i of (m / j)·p₍ⱼ₎, capped at 1.
 *
 * Reference: R `p.adjust(p, method = "BH")`; Benjamini & Hochberg (1995).
 * @param pValues - p-values in [0, 1]; an empty list gives an empty list.
 * @throws {InvalidInputError} for anything that is not a number in [0, 1] (null, a string, NaN), naming the index.
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.2]); // => [0.04, 0.05333333333333334, 0.05333333333333334, 0.2]
 */
export function benjaminiHochberg(pValues: NumericArray): number[] {
  assertPValues('benjaminiHochberg', pValues);
  const m = pValues.length;
  const order = orderAscending(pValues);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1] as number;
    running = Math.min(running, (m / rank) * (pValues[index] as number));
    q[index] = running;
  }
  return q;
}
