import type { Analyst } from '../contracts/analyst';
import type { AttemptView, History } from '../contracts/attempt-view';
import type { Finding } from '../contracts/finding';

/** A rule turns an attempt into at most one finding; return null when it has nothing to say. */
export type AnalystRule = (attempt: AttemptView, history: History) => Finding | null;

/** Failing checks, with their details: the most direct thing to fix. */
export const failingChecksRule: AnalystRule = (attempt) => {
  const failing = attempt.checks.filter((check) => check.passed === false);
  if (failing.length === 0) return null;
  return {
    claim: `${failing.length} check${failing.length === 1 ? '' : 's'} failed: ${failing.map((check) => check.name).join(', ')}`,
    evidence: failing.map((check) => ({ name: check.name, details: check.details ?? null })),
    origin: 'trace',
  };
};

/** Errors the worker's trace recorded. */
export const traceErrorsRule: AnalystRule = (attempt) => {
  const errors = attempt.events.filter((event) => event.type === 'error');
  if (errors.length === 0) return null;
  return {
    claim: `the attempt hit ${errors.length} error${errors.length === 1 ? '' : 's'}`,
    evidence: errors.slice(0, 3).map((event) => event.data),
    origin: 'trace',
  };
};

/** How the agent failed, as its worker saw it (its time limit, a non-zero exit), with the first stderr line. */
export const agentFailureRule: AnalystRule = (attempt) => {
  if (attempt.failure === null) return null;
  const stderr = attempt.failure.stderr?.split('\n').find((line) => line.trim() !== '');
  return {
    claim: `the agent failed (${attempt.failure.reason}): ${attempt.failure.message}${stderr ? ` — stderr: ${stderr.slice(0, 200)}` : ''}`,
    evidence: { reason: attempt.failure.reason, message: attempt.failure.message, stderr: stderr ?? null },
    origin: 'trace',
  };
};

/** The same output as the previous attempt: the steer did not move the worker. */
export const repeatedOutputRule: AnalystRule = (attempt, history) => {
  const previous = history[attempt.index - 1];
  if (!previous || JSON.stringify(previous.output) !== JSON.stringify(attempt.output)) return null;
  return {
    claim: 'the output is identical to the previous attempt',
    evidence: { attempt: attempt.index },
    origin: 'trace',
  };
};

export const defaultRules: readonly AnalystRule[] = [
  failingChecksRule,
  agentFailureRule,
  traceErrorsRule,
  repeatedOutputRule,
];

/**
 * An analyst made of rules over the trace: no model, no cost (`free`), deterministic. It sees only
 * what a strategy sees, so its findings always have origin 'trace'.
 *
 * @example
 * const analyst = ruleAnalyst(); // failing checks, how the agent failed, trace errors, repeated output
 */
export function ruleAnalyst(rules: readonly AnalystRule[] = defaultRules, id = 'rule-analyst'): Analyst {
  return {
    id,
    free: true,
    async observe(attempt, history) {
      return rules.map((rule) => rule(attempt, history)).filter((finding): finding is Finding => finding !== null);
    },
  };
}
