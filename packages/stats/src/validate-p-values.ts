import { InvalidInputError } from './invalid-input-error';
import type { NumericArray } from './validate';

export function assertPValues(functionName: string, pValues: NumericArray): void {
  for (let i = 0; i < pValues.length; i++) {
    const p = pValues[i] as number;
    if (!(p >= 0 && p <= 1)) {
      throw new InvalidInputError({
        functionName,
        parameter: 'pValues',
        index: i,
        problem: `must be a p-value in [0, 1], received ${p}; remove missing tests before correcting`,
      });
    }
  }
}

/** Indices of `values` ordered by value (ascending), ties kept in input order. */
export function orderAscending(values: NumericArray): number[] {
  return Array.from({ length: values.length }, (_, i) => i).sort(
    (i, j) => (values[i] as number) - (values[j] as number) || i - j,
  );
}
