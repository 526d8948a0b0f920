import { InvalidInputError } from './invalid-input-error';
import type { NumericArray } from './validate';

/**
 * Refuses anything in `pValues` that is not a number in [0, 1]. The typeof check matters: in
 * JavaScript `null >= 0` is true, so a p-value missing from JSON would otherwise count as p = 0, the
 * most significant test of the family.
 */
export function assertPValues(functionName: string, pValues: NumericArray): void {
  for (let i = 0; i < pValues.length; i++) {
    const p: unknown = pValues[i];
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      throw new InvalidInputError({
        functionName,
        parameter: 'pValues',
        index: i,
        problem: `must be a p-value in [0, 1], received ${describe(p)}; remove missing tests before correcting`,
      });
    }
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? `the string '${value}'` : String(value);
}

/** Indices of `values` ordered by value (ascending), ties kept in input order. */
export function orderAscending(values: NumericArray): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort(
    (i, j) => (values[i] as number) - (values[j] as number) || i - j,
  );
}
