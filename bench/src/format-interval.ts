import { wilsonInterval } from '@ratchet/stats';

const percent = (value: number, decimals: number) => (100 * value).toFixed(decimals);

/**
 * `solved/n = 45% [38–52]`: a proportion with its Wilson 95% interval, in percent.
 *
 * @example
 * formatRate(9, 20); // => '9/20 = 45% [26–66]'
 */
export function formatRate(successes: number, n: number, decimals = 0): string {
  if (n === 0) return '—';
  const interval = wilsonInterval(successes, n);
  return `${successes.toLocaleString('en-US')}/${n.toLocaleString('en-US')} = ${percent(interval.estimate, decimals)}% [${percent(interval.low, decimals)}–${percent(interval.high, decimals)}]`;
}

/**
 * A difference in points with its interval: `+5.0 [−3.0, +13.0]`.
 *
 * @example
 * formatPoints(0.05, -0.03, 0.13); // => '+5.0 [−3.0, +13.0]'
 */
export function formatPoints(estimate: number, low: number, high: number): string {
  const signed = (value: number) => {
    const text = Math.abs(100 * value).toFixed(1);
    return text === '0.0' ? '0.0' : `${value > 0 ? '+' : '−'}${text}`;
  };
  return `${signed(estimate)} [${signed(low)}, ${signed(high)}]`;
}
