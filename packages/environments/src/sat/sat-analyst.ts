import type { AttemptView } from '@ratchet/runtime';
import { type Analyst, type AnalystRule, failingChecksRule, ruleAnalyst } from '@ratchet/runtime';
import { z } from 'zod';

/** The WalkSAT summary event of a sat attempt's trace. */
const summarySchema = z.object({
  kind: z.literal('walksat'),
  flipBudget: z.number(),
  flipsUsed: z.number(),
  startUnsatisfied: z.number(),
  bestUnsatisfied: z.number(),
  lastImprovementFlip: z.number(),
  restarts: z.number(),
  restartsImproved: z.number(),
  resumed: z.boolean(),
  noise: z.number(),
});
export type WalkSatSummary = z.infer<typeof summarySchema>;

/** The attempt's WalkSAT summary, or null when its trace has none (another worker's trace). */
export function walkSatSummary(attempt: AttemptView): WalkSatSummary | null {
  for (const event of attempt.events) {
    const parsed = summarySchema.safeParse(event.data);
    if (event.type === 'log' && parsed.success) return parsed.data;
  }
  return null;
}

/** Share of the flips after the last improvement at which the search counts as stuck. */
const stuckShare = 0.4;

/** The best stopped improving early: the search circles a local minimum. */
export const stuckRule: AnalystRule = (attempt) => {
  const summary = walkSatSummary(attempt);
  if (!summary || summary.bestUnsatisfied === 0 || summary.flipsUsed === 0) return null;
  const share = (summary.flipsUsed - summary.lastImprovementFlip) / summary.flipsUsed;
  if (share < stuckShare) return null;
  const clauses = `${summary.bestUnsatisfied} unsatisfied clause${summary.bestUnsatisfied === 1 ? '' : 's'}`;
  return {
    claim: `stuck at ${clauses} for the last ${Math.round(share * 100)}% of flips`,
    evidence: { rule: 'stuck', bestUnsatisfied: summary.bestUnsatisfied, share, noise: summary.noise },
    origin: 'trace',
  };
};

/** Restarts happened and none of them led to a better best: they threw progress away. */
export const restartsNeverImprovedRule: AnalystRule = (attempt) => {
  const summary = walkSatSummary(attempt);
  if (!summary || summary.restarts === 0 || summary.restartsImproved > 0 || summary.bestUnsatisfied === 0) return null;
  return {
    claim: `restarts never improved the best (${summary.restarts} restart${summary.restarts === 1 ? '' : 's'})`,
    evidence: { rule: 'restarts-never-improved', restarts: summary.restarts },
    origin: 'trace',
  };
};

/** Few clauses left: the best assignment is worth continuing from. */
export const nearSolutionRule: AnalystRule = (attempt) => {
  const summary = walkSatSummary(attempt);
  if (!summary || summary.bestUnsatisfied === 0 || summary.bestUnsatisfied > 2) return null;
  return {
    claim: `within ${summary.bestUnsatisfied} unsatisfied clause${summary.bestUnsatisfied === 1 ? '' : 's'} of a solution`,
    evidence: { rule: 'near-solution', bestUnsatisfied: summary.bestUnsatisfied },
    origin: 'trace',
  };
};

/** A continued attempt that did not beat the assignment it started from. */
export const resumedWithoutProgressRule: AnalystRule = (attempt) => {
  const summary = walkSatSummary(attempt);
  if (!summary?.resumed || summary.bestUnsatisfied < summary.startUnsatisfied || summary.bestUnsatisfied === 0) {
    return null;
  }
  return {
    claim: `continuing from the checkpoint did not improve on its ${summary.startUnsatisfied} unsatisfied clauses`,
    evidence: { rule: 'resumed-without-progress', startUnsatisfied: summary.startUnsatisfied },
    origin: 'trace',
  };
};

export const satRules: readonly AnalystRule[] = [
  stuckRule,
  restartsNeverImprovedRule,
  nearSolutionRule,
  resumedWithoutProgressRule,
  failingChecksRule,
];

/**
 * The sat family's rule analyst: reads the WalkSAT summary in the trace (never a verdict) and says
 * where the search got stuck, whether restarts helped, and how near it came.
 *
 * @example
 * const analyst = satAnalyst();
 * // findings like "stuck at 3 unsatisfied clauses for the last 62% of flips"
 */
export function satAnalyst(): Analyst {
  return ruleAnalyst(satRules, 'sat-analyst');
}
