import { InvalidInputError } from './invalid-input-error';

/** Numeric input accepted wherever a sample is expected. */
export type NumericArray = ArrayLike<number>;

export function assertFiniteSample(functionName: string, parameter: string, values: NumericArray, minLength = 1): void {
  if (values.length < minLength) {
    throw new InvalidInputError({
      functionName,
      parameter,
      problem: `needs at least ${minLength} value${minLength === 1 ? '' : 's'}, received ${values.length}`,
    });
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new InvalidInputError({
        functionName,
        parameter,
        index: i,
        problem: `must be a finite number, received ${values[i]}`,
      });
    }
  }
}

/** Refuses anything but exactly 0 or 1 (pass/fail outcomes), naming the index. */
export function assertBinarySample(
  functionName: string,
  parameter: string,
  values: ArrayLike<unknown>,
  minLength = 1,
): void {
  if (values.length < minLength) {
    throw new InvalidInputError({
      functionName,
      parameter,
      problem: `needs at least ${minLength} outcome${minLength === 1 ? '' : 's'}, received ${values.length}`,
    });
  }
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== 0 && value !== 1) {
      throw new InvalidInputError({
        functionName,
        parameter,
        index: i,
        problem: `must be 0 or 1 (a pass/fail outcome), received ${typeof value === 'string' ? `the string '${value}'` : String(value)}`,
      });
    }
  }
}

export function assertProbability(functionName: string, parameter: string, value: number, open = false): void {
  const ok = open ? value > 0 && value < 1 : value >= 0 && value <= 1;
  if (!ok || Number.isNaN(value)) {
    throw new InvalidInputError({
      functionName,
      parameter,
      problem: `must be a probability in ${open ? '(0, 1)' : '[0, 1]'}, received ${value}`,
    });
  }
}

export function assertCount(functionName: string, parameter: string, value: number, minimum = 0): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new InvalidInputError({
      functionName,
      parameter,
      problem: `must be an integer ≥ ${minimum}, received ${value}`,
    });
  }
}

export function assertSameLength(
  functionName: string,
  names: [string, string],
  a: NumericArray,
  b: ArrayLike<unknown>,
): void {
  if (a.length !== b.length) {
    throw new InvalidInputError({
      functionName,
      parameter: names[1],
      problem: `must have the same length as ${names[0]} (${a.length}), received ${b.length}`,
    });
  }
}

/** `two-sided` tests for any difference; `greater` / `less` for a one-directional alternative. */
export type Alternative = 'two-sided' | 'greater' | 'less';

export function assertAlternative(functionName: string, value: string): asserts value is Alternative {
  if (value !== 'two-sided' && value !== 'greater' && value !== 'less') {
    throw new InvalidInputError({
      functionName,
      parameter: 'alternative',
      problem: `must be 'two-sided', 'greater' or 'less', received '${value}'`,
    });
  }
}
