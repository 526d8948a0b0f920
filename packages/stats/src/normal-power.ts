import { InvalidInputError } from './invalid-input-error';
import { normalCdf } from './normal-cdf';
import { normalQuantile } from './normal-quantile';

/** Normal-approximation power of the two-sided paired test of means with n pairs. */
export function pairedMeanPower(n: number, effect: number, sdDiff: number, alpha: number): number {
  const zAlpha = normalQuantile(1 - alpha / 2);
  return normalCdf((Math.abs(effect) * Math.sqrt(n)) / sdDiff - zAlpha);
}

/** Connor's (1987) normal-approximation power of McNemar's test with n pairs. */
export function connorPower(n: number, pDiscordant: number, effect: number, alpha: number): number {
  const zAlpha = normalQuantile(1 - alpha / 2);
  const spread = Math.sqrt(pDiscordant - effect * effect);
  const signal = Math.abs(effect) * Math.sqrt(n) - zAlpha * Math.sqrt(pDiscordant);
  if (spread === 0) return signal > 0 ? 1 : 0;
  return normalCdf(signal / spread);
}

export function assertPairedMeanDesign(functionName: string, effect: number, sdDiff: number): void {
  if (!(sdDiff > 0) || !Number.isFinite(sdDiff)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'sdDiff',
      problem: `must be a finite number > 0, received ${sdDiff}`,
    });
  }
  if (!(Math.abs(effect) > 0) || !Number.isFinite(effect)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'effect',
      problem: `must be a finite number ≠ 0, received ${effect}`,
    });
  }
}
