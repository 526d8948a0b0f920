import { normalCdf } from './normal-cdf';
import { normalQuantile } from './normal-quantile';

/** Connor's (1987) normal-approximation power of McNemar's test with n pairs. */
export function connorPower(n: number, pDiscordant: number, effect: number, alpha: number): number {
  const zAlpha = normalQuantile(1 - alpha / 2);
  const spread = Math.sqrt(pDiscordant - effect * effect);
  const signal = Math.abs(effect) * Math.sqrt(n) - zAlpha * Math.sqrt(pDiscordant);
  if (spread === 0) return signal > 0 ? 1 : 0;
  return normalCdf(signal / spread);
}
