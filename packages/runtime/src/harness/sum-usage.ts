import type { Usage } from '@ratchet/corpus';

const figures = ['turns', 'tokensIn', 'tokensOut', 'usd', 'wallMs', 'workUnits'] as const;

/**
 * Adds usages figure by figure. A total is known only when every part is known: one unmeasured part
 * makes the total null (docs/design.md rule 5), never a silently low number. Cost provenance is the weakest
 * of the parts: measured < estimated < unknown. Nothing to add is zero, measured: callers that may have
 * nothing (an arm with no cells yet) say "not measured" themselves.
 */
export function sumUsage(parts: readonly Usage[]): Usage {
  const total: Record<(typeof figures)[number], number | null> = {
    turns: 0,
    tokensIn: 0,
    tokensOut: 0,
    usd: 0,
    wallMs: 0,
    workUnits: 0,
  };
  for (const part of parts) {
    for (const figure of figures) {
      const value = part[figure];
      total[figure] = value === null || total[figure] === null ? null : (total[figure] as number) + value;
    }
  }
  // Cached input tokens are reported by some workers only: summed when every part measured them,
  // null when some did and some did not, left out when none reports them.
  const cached = parts.map((part) => part.tokensInCached);
  const tokensInCached = cached.every((value) => value === undefined)
    ? undefined
    : cached.some((value) => value === undefined || value === null)
      ? null
      : cached.reduce((sum: number, value) => sum + (value as number), 0);
  const provenance = parts.some((part) => part.costProvenance === 'unknown')
    ? 'unknown'
    : parts.some((part) => part.costProvenance === 'estimated')
      ? 'estimated'
      : 'measured';
  return {
    ...total,
    ...(tokensInCached === undefined ? {} : { tokensInCached }),
    usd: provenance === 'unknown' ? null : total.usd,
    costProvenance: provenance,
  };
}
