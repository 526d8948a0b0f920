import { InvalidInputError } from './invalid-input-error';
import { betTruncation, plugInBets } from './plug-in-bets';
import { assertFiniteSample, assertProbability } from './validate';

export interface BettingConfidenceSequence {
  /** The sample mean of the observations. */
  estimate: number;
  /** The bounds after the last observation: with probability ≥ confidence they hold at every time at once. */
  low: number;
  high: number;
  confidence: number;
  n: number;
}

/** Bisection steps: the bounds are found to 2⁻⁴⁰ of [0, 1]. */
const steps = 40;

/**
 * The hedged-capital betting confidence sequence for the mean of observations in [0, 1], read after
 * the last one (Waudby-Smith & Ramdas 2024, "Estimating means of bounded random variables by betting",
 * JRSS-B 86(1), Theorem 3 with the predictable plug-in bets of §5): the set of means m at which the
 * hedged wealth max(½K⁺ₜ(m), ½K⁻ₜ(m)) (`hedgedCapitalWealth`) is still below 1/α. By Ville's
 * inequality the true mean stays inside at every t at once with probability ≥ 1 − α, for any
 * distribution on [0, 1] (drifting too, for the running average of the conditional means), so it may be
 * read after every observation and at a data-dependent stopping time. Because K⁺(m) falls and K⁻(m)
 * rises with m, the set is an interval, found by bisection on each side. The upper bound is below m
 * exactly when K⁻ₜ(m) ≥ 2/α: a one-sided test at level α/2.
 *
 * @param values - observations in [0, 1] in the order they were made.
 * @param confidence - 1 − α, default 0.95.
 * @throws {InvalidInputError} for an empty sample, a value outside [0, 1], or a confidence outside (0, 1).
 * @example
 * bettingConfidenceSequence(Array.from({ length: 100 }, (_, i) => (i % 4 === 0 ? 1 : 0)));
 * // => { estimate: 0.25, low: 0.13672…, high: 0.39580…, confidence: 0.95, n: 100 }
 */
export function bettingConfidenceSequence(values: ArrayLike<number>, confidence = 0.95): BettingConfidenceSequence {
  const fn = 'bettingConfidenceSequence';
  assertFiniteSample(fn, 'values', values);
  assertProbability(fn, 'confidence', confidence, true);
  const n = values.length;
  const bets = new Float64Array(n);
  const stream = plugInBets(confidence);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x < 0 || x > 1) {
      throw new InvalidInputError({
        functionName: fn,
        parameter: 'values',
        index: i,
        problem: `must be in [0, 1], received ${x}`,
      });
    }
    bets[i] = stream.next();
    stream.observe(x);
    sum += x;
  }
  const barrier = Math.log(2 / (1 - confidence));
  const logWealth = (m: number, side: 1 | -1) => {
    const cap =
      side === 1
        ? m === 0
          ? Number.POSITIVE_INFINITY
          : betTruncation / m
        : m === 1
          ? Number.POSITIVE_INFINITY
          : betTruncation / (1 - m);
    let log = 0;
    for (let i = 0; i < n; i++)
      log += Math.log1p(side * Math.min(bets[i] as number, cap) * ((values[i] as number) - m));
    return log;
  };
  // low: the least m not refuted from above (K⁺ falls with m); high: the greatest not refuted from below.
  const bound = (side: 1 | -1) => {
    let inside = sum / n;
    let outside = side === 1 ? 0 : 1;
    if (logWealth(outside, side) < barrier) return outside;
    for (let step = 0; step < steps; step++) {
      const middle = (inside + outside) / 2;
      if (logWealth(middle, side) >= barrier) outside = middle;
      else inside = middle;
    }
    return inside;
  };
  return { estimate: sum / n, low: bound(1), high: bound(-1), confidence, n };
}
