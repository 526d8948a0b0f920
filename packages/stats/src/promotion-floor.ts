import { assertProbability } from './validate';

/**
 * The smallest number of paired tasks at which McNemar's two-sided exact test can reach the level
 * 1 − confidence at all: the least n with 2·(½)ⁿ ≤ 1 − confidence (6 at 95%). Below it no evidence,
 * however one-sided, can be significant, so promotion there is refused.
 *
 * @example
 * exactTestFloor(0.95); // => 6
 * exactTestFloor(0.99); // => 8
 */
export function exactTestFloor(confidence = 0.95): number {
  assertProbability('exactTestFloor', 'confidence', confidence, true);
  return Math.ceil(Math.log2(2 / (1 - confidence)) - 1e-12);
}
