import { InvalidInputError } from './invalid-input-error';
import { assertCount, assertProbability } from './validate';

/** A confidence interval for a proportion. */
export interface ProportionInterval {
  /** successes / n. */
  estimate: number;
  low: number;
  high: number;
  confidence: number;
}

export function assertProportionInput(functionName: string, successes: number, n: number, confidence: number): void {
  assertCount(functionName, 'n', n, 1);
  assertCount(functionName, 'successes', successes);
  if (successes > n) {
    throw new InvalidInputError({
      functionName,
      parameter: 'successes',
      problem: `must be ≤ n (${n}), received ${successes}`,
    });
  }
  assertProbability(functionName, 'confidence', confidence, true);
}
