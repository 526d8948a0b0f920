import type { CheckResult } from '@ratchet/corpus';
import type { AttemptView, History } from '../contracts/attempt-view';

/**
 * An attempt's standing by its checks alone (the selector, never the judge): the mean check score,
 * or the share of checks passed when no check gives a score; null when no check measured anything.
 */
export function checkScore(attempt: AttemptView): number | null {
  return scoreOfChecks(attempt.checks);
}

/** The same standing from a list of check results (a recorded attempt's `checks`). */
export function scoreOfChecks(checks: readonly CheckResult[]): number | null {
  const scores = checks.map((check) => check.score).filter((score): score is number => score !== null);
  if (scores.length > 0) return scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const passes = checks.map((check) => check.passed).filter((passed): passed is boolean => passed !== null);
  if (passes.length > 0) return passes.filter(Boolean).length / passes.length;
  return null;
}

/** The attempt with the best check score; ties and unmeasured attempts go to the earliest. */
export function bestByChecks(history: History): AttemptView | undefined {
  let best: AttemptView | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const attempt of history) {
    const score = checkScore(attempt) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || score > bestScore) {
      best = attempt;
      bestScore = score;
    }
  }
  return best;
}
