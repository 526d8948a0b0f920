import stdlibNormalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { InvalidInputError } from './invalid-input-error';

/**
 * The standard normal cumulative distribution function Φ(z) = P(Z ≤ z), accurate to double precision
 * (stdlib's erfc-based implementation, not a 4-decimal approximation).
 *
 * Reference: scipy.stats.norm.cdf; R `pnorm`.
 * @param z - any number; ±Infinity give 0 and 1.
 * @throws {InvalidInputError} when z is NaN.
 * @example
 * normalCdf(1.959963984540054); // => 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) {
    throw new InvalidInputError({
      functionName: 'normalCdf',
      parameter: 'z',
      problem: 'must be a number, received NaN',
    });
  }
  return stdlibNormalCdf(z, 0, 1);
}
