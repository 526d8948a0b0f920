import type { NumericArray } from './validate';
import { assertPValues, orderAscending } from './validate-p-values';

/**
 * Holm step-down adjusted p-values (family-wise error control), returned in input order.
 * p̃₍ᵢ₎ = max over j ≤ i of (m − j + 1)·p₍ⱼ₎, capped at 1.
 *
 * Reference: R `p.adjust(p, method = "holm")`; Holm (1979).
 * @param pValues - p-values in [0, 1]; an empty list gives an empty list.
 * @throws {InvalidInputError} for anything that is not a number in [0, 1] (null, a string, NaN), naming the index.
 * @example
 * holm([0.01, 0.04, 0.03, 0.2]); // => [0.04, 0.09, 0.09, 0.2]
 */
export function holm(pValues: NumericArray): number[] {
  assertPValues('holm', pValues);
  const m = pValues.length;
  const order = orderAscending(pValues);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let rank = 1; rank <= m; rank++) {
    const index = order[rank - 1] as number;
    running = Math.min(1, Math.max(running, (m - rank + 1) * (pValues[index] as number)));
    adjusted[index] = running;
  }
  return adjusted;
}
