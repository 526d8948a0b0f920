import type { AttemptUsage } from '@ratchet/runtime';

/**
 * Usage from figures an agent CLI reported. `usd` is what the CLI said it cost, so its provenance is
 * `measured`; when the CLI said nothing about cost it is null with provenance `unknown`, never 0.
 */
export function streamUsage(figures: {
  turns: number | null;
  tokensIn: number | null;
  tokensOut: number | null;
  usd: number | null;
}): AttemptUsage {
  return { ...figures, costProvenance: figures.usd === null ? 'unknown' : 'measured' };
}
