import stdlibNormalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { InvalidInputError } from './invalid-input-error';
import { normalCdf } from './normal-cdf';

const sqrtTwoPi = Math.sqrt(2 * Math.PI);

/**
 * The standard normal quantile function Φ⁻¹(p), the z with Φ(z) = p, to about 1e-15 relative error
 * across the whole double range. stdlib's quantile is only the starting point: below p ≈ 1e-10 it
 * drifts and below 1e-17 it returns −∞, so each value is polished with Halley steps on the
 * (accurate) normal CDF, solving in the lower tail and reflecting for p > ½.
 *
 * Reference: scipy.stats.norm.ppf; R `qnorm`.
 * @param p - a probability in [0, 1]; 0 and 1 give -Infinity and Infinity.
 * @throws {InvalidInputError} when p is outside [0, 1] or NaN.
 * @example
 * normalQuantile(0.975); // => 1.959963984540054
 * normalQuantile(1e-300); // => -37.0470962993612
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) {
    throw new InvalidInputError({
      functionName: 'normalQuantile',
      parameter: 'p',
      problem: `must be a probability in [0, 1], received ${p}`,
    });
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // 1 − p is exact for p in (½, 1) (Sterbenz), so the reflection loses nothing.
  return p < 0.5 ? lowerTailQuantile(p) : -lowerTailQuantile(1 - p);
}

function lowerTailQuantile(p: number): number {
  let x = stdlibNormalQuantile(p, 0, 1);
  if (!Number.isFinite(x)) {
    // Asymptotic start for the far tail: x ≈ −√(L − ln L − ln 2π) with L = −2 ln p.
    const l = -2 * Math.log(p);
    x = -Math.sqrt(l - Math.log(l) - Math.log(2 * Math.PI));
  }
  for (let step = 0; step < 8; step++) {
    const density = Math.exp(-0.5 * x * x) / sqrtTwoPi;
    if (density === 0) break;
    const error = (normalCdf(x) - p) / density;
    const next = x - error / (1 + (x * error) / 2);
    const done = Math.abs(next - x) <= 1e-15 * Math.abs(next);
    x = next;
    if (done) break;
  }
  return x;
}
