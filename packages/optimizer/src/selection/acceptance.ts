import { signTest } from '@ratchet/stats';
import { z } from 'zod';
import { SelectionError } from './selection-error';

/**
 * Default margin of the `margin` rule, on the mean scale. With pass/fail scores on a minibatch of up to
 * 10 tasks one more solved task is already ≥ 0.1, so the rule then accepts exactly what `strict` accepts;
 * on graded scores it rejects gains under a tenth of the score range, which are as likely
 * noise as progress on a handful of tasks.
 */
export const defaultAcceptanceMargin = 0.1;

/**
 * Default level of the `sign` rule. At 0.2 the reference's 3-task minibatch can accept (3 wins and
 * no loss: p = 0.125); at 0.1 or 0.05 it never could, whatever the child did. Acceptance only
 * buys a val evaluation, and the holdout gate decides promotion, so a loose screen is the right trade.
 */
export const defaultSignAlpha = 0.2;

/**
 * How a child is accepted on the parent's minibatch (then evaluated on val), as configs carry it:
 * - `strict`: the reference's rule (gepa-ai/gepa engine): the child's sum is above the parent's.
 * - `margin`: the child's mean is at least the parent's mean plus `margin` (≥ 0; default 0.1).
 * - `sign`: a one-sided exact sign test on the paired per-task differences, ties dropped, accepts when
 *   p < `alpha` (in (0, 1); default 0.2).
 */
export const acceptanceRuleSchema = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('strict') }),
  z.strictObject({ rule: z.literal('margin'), margin: z.number().nonnegative().default(defaultAcceptanceMargin) }),
  z.strictObject({ rule: z.literal('sign'), alpha: z.number().gt(0).lt(1).default(defaultSignAlpha) }),
]);
/** A parsed rule: defaults filled in. */
export type AcceptanceRule = z.output<typeof acceptanceRuleSchema>;
/** A rule as written in a config: `margin` and `alpha` may be left out. */
export type AcceptanceRuleInput = z.input<typeof acceptanceRuleSchema>;

export interface AcceptanceDecision {
  readonly accepted: boolean;
  /** The sign test's one-sided p-value; null for `strict` and `margin`, which test nothing. */
  readonly pValue: number | null;
  /** One sentence with the figures the decision was taken on. */
  readonly reason: string;
}

// A gain equal to the margin in exact arithmetic (6/10 − 5/10 against 0.1) must not be lost to rounding.
const marginTolerance = 1e-9;

/**
 * Decides whether a child is accepted over its parent on one minibatch. Scores are per-task scalars
 * (higher is better, as `scalarScore` gives them), paired by position: `childScores[i]` and
 * `parentScores[i]` are the same task.
 *
 * @param rule - the rule, parsed here so config defaults apply (`{ rule: 'sign' }` tests at 0.2).
 * @throws {SelectionError} `invalid-rule` when the rule does not parse (the zod error is the cause);
 *   `invalid-scores` when the lists differ in length, are empty, or hold a NaN or infinite score.
 * @example
 * accept({ rule: 'strict' }, [0, 1, 0], [1, 1, 0]);
 * // => { accepted: true, pValue: null, reason: "Accepted: the child's minibatch sum 2 is above the parent's 1 (3 tasks)." }
 * accept({ rule: 'sign' }, [0, 0, 0], [1, 1, 1]).pValue; // => 0.125 (R: binom.test(3, 3, alternative = "greater"))
 */
export function accept(
  rule: AcceptanceRuleInput,
  parentScores: readonly number[],
  childScores: readonly number[],
): AcceptanceDecision {
  const parsed = acceptanceRuleSchema.safeParse(rule);
  if (!parsed.success) {
    throw new SelectionError({
      functionName: 'accept',
      problem: 'invalid-rule',
      message: `the acceptance rule does not parse (${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'rule'}: ${issue.message}`).join('; ')}); use { rule: 'strict' }, { rule: 'margin', margin: 0.1 } or { rule: 'sign', alpha: 0.2 }.`,
      cause: parsed.error,
    });
  }
  assertPaired(parentScores, childScores);
  const n = childScores.length;
  const parentSum = sum(parentScores);
  const childSum = sum(childScores);

  switch (parsed.data.rule) {
    case 'strict': {
      const accepted = childSum > parentSum;
      return {
        accepted,
        pValue: null,
        reason: `${verdict(accepted)}: the child's minibatch sum ${show(childSum)} is ${accepted ? 'above' : 'not above'} the parent's ${show(parentSum)} (${n} tasks).`,
      };
    }
    case 'margin': {
      const { margin } = parsed.data;
      const childMean = childSum / n;
      const parentMean = parentSum / n;
      const accepted = (childSum - parentSum) / n >= margin - marginTolerance;
      return {
        accepted,
        pValue: null,
        reason: `${verdict(accepted)}: the child's minibatch mean ${show(childMean)} is ${accepted ? 'at least' : 'below'} the parent's ${show(parentMean)} plus the margin ${show(margin)} (${n} tasks).`,
      };
    }
    case 'sign': {
      const { alpha } = parsed.data;
      const test = signTest(
        childScores.map((child, i) => child - (parentScores[i] as number)),
        'greater',
      );
      const accepted = test.pValue < alpha;
      return {
        accepted,
        pValue: test.pValue,
        reason: `${verdict(accepted)}: the child beat the parent on ${test.positives} of ${n} tasks and lost on ${test.negatives} (${test.ties} ties dropped), one-sided sign test p = ${show(test.pValue)} ${accepted ? '<' : '≥'} alpha ${show(alpha)}.`,
      };
    }
  }
}

function assertPaired(parentScores: readonly number[], childScores: readonly number[]): void {
  const fail = (message: string) => new SelectionError({ functionName: 'accept', problem: 'invalid-scores', message });
  if (parentScores.length !== childScores.length) {
    throw fail(
      `parentScores has ${parentScores.length} scores and childScores ${childScores.length}; pass one score per minibatch task for each, in the same task order.`,
    );
  }
  if (childScores.length === 0) {
    throw fail('the minibatch is empty; evaluate parent and child on at least one task before deciding.');
  }
  for (const [name, scores] of [
    ['parentScores', parentScores],
    ['childScores', childScores],
  ] as const) {
    const index = scores.findIndex((score) => typeof score !== 'number' || !Number.isFinite(score));
    if (index !== -1) {
      throw fail(
        `${name}[${index}] is ${String(scores[index])}; scores must be finite (leave tasks without a measured score out of both lists).`,
      );
    }
  }
}

function sum(scores: readonly number[]): number {
  return scores.reduce((total, score) => total + score, 0);
}

function verdict(accepted: boolean): string {
  return accepted ? 'Accepted' : 'Rejected';
}

/** Six significant digits: enough to read a decision, short enough for a log line. */
function show(value: number): string {
  return String(Number(value.toPrecision(6)));
}
