import { clopperPearsonInterval } from './clopper-pearson-interval';
import { InvalidInputError } from './invalid-input-error';
import { assertCount } from './validate';

/** An interval for the lift p₀₁ − p₁₀ of a candidate over a baseline on paired pass/fail outcomes. */
export interface LiftInterval {
  estimate: number;
  low: number;
  high: number;
}

/**
 * Exact conditional interval for the paired lift (c − b)/n: a Clopper–Pearson interval for the
 * candidate's share of the b + c discordant pairs, scaled by the discordant fraction (b + c)/n. Its
 * lower bound exceeds 0 when (up to ties at the boundary) McNemar's exact test rejects at 1 − confidence in the
 * candidate's favour, so interval and test never disagree.
 *
 * Reference: the conditional binomial interval for matched pairs (Agresti, Categorical Data Analysis, §10.1).
 * @param losses - b: pairs the baseline passed and the candidate failed.
 * @param wins - c: pairs the baseline failed and the candidate passed.
 * @param n - all pairs, concordant included.
 * @throws {InvalidInputError} when counts are not integers or b + c > n.
 * @example
 * exactLiftInterval(1, 9, 12); // => { estimate: 0.6667, low: 0.0916…, high: 0.8291… }
 */
export function exactLiftInterval(losses: number, wins: number, n: number, confidence = 0.95): LiftInterval {
  assertCount('exactLiftInterval', 'losses', losses);
  assertCount('exactLiftInterval', 'wins', wins);
  assertCount('exactLiftInterval', 'n', n, 1);
  const discordant = losses + wins;
  if (discordant > n) {
    throw new InvalidInputError({
      functionName: 'exactLiftInterval',
      parameter: 'n',
      problem: `must be at least losses + wins (${discordant}), received ${n}`,
    });
  }
  const estimate = (wins - losses) / n;
  if (discordant === 0) return { estimate, low: 0, high: 0 };
  const share = clopperPearsonInterval(wins, discordant, confidence);
  const scale = discordant / n;
  return { estimate, low: scale * (2 * share.low - 1), high: scale * (2 * share.high - 1) };
}
