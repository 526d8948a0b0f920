import { type ArmSummary, noReasonGiven } from '@ratchet/runtime';

type ArmReasons = Pick<ArmSummary, 'armId' | 'unresolvedReasons' | 'failures'>;

/** What to check when every answer failed for this reason (the judge's `details.reason`). */
const hints: Record<string, string> = {
  'no-number':
    'the judge found no number in any output; if the agent answers in words, give the numeric judge "parse": "last-number"',
  'no-match': 'no output matched the pattern; check the pattern against what the agent prints',
  mismatch: 'every answer was wrong; check that the agent is given the task and answers in the expected form',
  'output-not-string': 'no output was text; check what the worker returns',
  'not-json': 'no output was JSON; check that the agent prints only the JSON',
  timeout: 'the checker was still running at its time limit every time; check its timeoutMs',
};

const listed = (counts: Readonly<Record<string, number | undefined>>): string =>
  Object.entries(counts)
    .filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');

const total = (counts: Readonly<Record<string, number | undefined>>): number =>
  Object.values(counts).reduce<number>((sum, count) => sum + (count ?? 0), 0);

/**
 * Why cells were not resolved, per arm, in one line each: the judge's reasons for unresolved cells
 * (`no-number 4, mismatch 1`) and how the agent's attempts failed (`exit-nonzero 3 of 14 attempts`).
 * Arms with neither are left out; none at all gives no lines.
 */
export function failureReasonLines(arms: readonly ArmReasons[]): string[] {
  return arms.flatMap((arm) => {
    const parts: string[] = [];
    const unresolved = total(arm.unresolvedReasons);
    // A judge that names no reasons (the dsl family's) adds nothing here beyond the solved rate.
    const named = Object.keys(arm.unresolvedReasons).some((reason) => reason !== noReasonGiven);
    if (unresolved > 0 && named) parts.push(`${unresolved} unresolved (${listed(arm.unresolvedReasons)})`);
    const failed = total(arm.failures.byReason);
    if (failed > 0) {
      parts.push(`agent failures in ${failed} of ${arm.failures.attempts} attempts (${listed(arm.failures.byReason)})`);
    }
    return parts.length > 0 ? [`${arm.armId}: ${parts.join('; ')}`] : [];
  });
}

/**
 * A warning when every judged cell of the run was unresolved for one and the same reason: almost
 * always the answer format or the judge's settings, not the agent's work. Null otherwise.
 */
export function sameFailureWarning(arms: readonly (ArmReasons & Pick<ArmSummary, 'resolved'>)[]): string | null {
  const resolved = arms.reduce((sum, arm) => sum + arm.resolved, 0);
  const reasons = new Map<string, number>();
  for (const arm of arms) {
    for (const [reason, count] of Object.entries(arm.unresolvedReasons)) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + count);
    }
  }
  const [only, ...others] = [...reasons];
  if (resolved > 0 || only === undefined || others.length > 0 || only[1] < 2) return null;
  const [reason, count] = only;
  const hint = hints[reason] ?? "check the judge's settings and what the agent prints";
  return `Every answer failed the same way: all ${count} judged cells are unresolved with reason "${reason}" — ${hint}. ratchet run --probe shows one attempt's output.`;
}
