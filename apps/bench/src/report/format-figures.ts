/** How the report writes numbers. A null figure was not measured: it reads "unknown", never 0. */
export const unknown = 'unknown';

export function formatPercent(share: number | null): string {
  return share === null ? unknown : `${(100 * share).toFixed(1)}%`;
}

/** A difference of shares in percentage points, signed. */
export function formatPoints(difference: number | null): string {
  if (difference === null) return unknown;
  const points = 100 * difference;
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)}`;
}

export function formatProbability(p: number | null): string {
  if (p === null) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function formatCount(count: number | null): string {
  return count === null ? unknown : count.toLocaleString('en-US');
}

export function formatUsd(usd: number | null): string {
  return usd === null ? unknown : `$${usd.toFixed(4)}`;
}

export function formatWallMs(ms: number | null): string {
  if (ms === null) return unknown;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A confidence interval of a difference, in points. */
export function formatInterval(low: number | null, high: number | null): string {
  return low === null || high === null ? '—' : `${formatPoints(low)} – ${formatPoints(high)}`;
}
