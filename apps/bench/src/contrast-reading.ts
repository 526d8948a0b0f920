import type { ContrastSummary } from '@ratchet/runtime';
import { formatInterval, formatPoints, formatProbability } from './report/format-figures';

/**
 * The primary contrast in one plain sentence: what the interval says, not just the p-value. A
 * contrast with too few paired tasks says so rather than reading anything into it.
 */
export function contrastReading(contrast: ContrastSummary): string {
  const { estimate, low, high } = contrast;
  const test = contrast.test === 'mcnemar-exact' ? "McNemar's exact test, " : '';
  const figures = `${formatPoints(estimate)} points (95% CI ${formatInterval(low, high)}, ${test}p ${formatProbability(contrast.pValue)}, ${contrast.n} tasks)`;
  if (estimate === null || low === null || high === null) {
    return `${contrast.name}: not measured — ${contrast.n} paired task(s) is too few to estimate it.`;
  }
  if (low === high) {
    // A bootstrap over pairs that all differ by the same amount (often 0: both arms had the same
    // outcome on every task) has no spread to resample; its interval is a point, not certainty.
    const same =
      estimate === 0
        ? 'both arms had the same outcome on every one of them'
        : `every one differed by ${formatPoints(estimate)} points`;
    return `${contrast.name}: ${formatPoints(estimate)} points on ${contrast.n} paired tasks, where ${same}, so the interval has zero width (${formatInterval(low, high)}); it describes these tasks only — tasks that tell the arms apart would say more.`;
  }
  if (low > 0) return `${contrast.name}: ${contrast.candidate} beats ${contrast.baseline}, ${figures}.`;
  if (high < 0) return `${contrast.name}: ${contrast.candidate} is worse than ${contrast.baseline}, ${figures}.`;
  return `${contrast.name}: no clear difference, ${figures}; the interval allows anything from ${formatPoints(low)} to ${formatPoints(high)} points — more tasks would narrow it.`;
}
