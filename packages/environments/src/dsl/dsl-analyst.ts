import type { JsonValue } from '@ratchet/corpus';
import { type Analyst, type AnalystRule, type AttemptView, ruleAnalyst } from '@ratchet/runtime';
import { featurePhrases, sharedFeatures } from './example-features';

type Data = { readonly [key: string]: JsonValue };

function searchEvents(attempt: AttemptView, kind: string): Data[] {
  return attempt.events
    .map((event) => event.data)
    .filter((data): data is Data => typeof data === 'object' && data !== null && !Array.isArray(data))
    .filter((data) => data.kind === kind);
}

function outputOf(attempt: AttemptView): Data | undefined {
  const event = attempt.events.find((e) => e.type === 'output');
  return typeof event?.data === 'object' && event.data !== null && !Array.isArray(event.data)
    ? (event.data as Data)
    : undefined;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Visible examples still failing, and what their inputs have in common. */
export const failingExamplesRule: AnalystRule = (attempt) => {
  const check = attempt.checks.find((c) => c.name === 'visible-examples');
  const details = check?.details as { failing?: Array<{ example: number; input: number[] }> } | undefined;
  const failing = details?.failing ?? [];
  if (check?.passed !== false || failing.length === 0) return null;
  const features = sharedFeatures(failing.map((f) => f.input));
  const who = failing.length === 1 ? 'it' : failing.length === 2 ? 'both' : 'all';
  const common = features.length === 0 ? '' : `: ${who} ${features.map((f) => featurePhrases[f]).join(' and ')}`;
  return {
    claim: `${plural(failing.length, 'visible example')} still failing${common}`,
    evidence: { kind: 'failing-examples', examples: failing.map((f) => f.example), features },
    origin: 'trace',
  };
};

/** The search went a long stretch without improving its best visible score. */
export const stallRule: AnalystRule = (attempt) => {
  const stall = searchEvents(attempt, 'stall').at(-1);
  if (!stall) return null;
  const steps = Number(stall.step) - Number(stall.since);
  return {
    claim: `search stalled at depth ${stall.depth} (programs of size ${stall.size}): ${steps} steps without improving the best visible score (${stall.score})`,
    evidence: {
      kind: 'stall',
      depth: stall.depth ?? null,
      size: stall.size ?? null,
      steps,
      score: stall.score ?? null,
    },
    origin: 'trace',
  };
};

/** Every program within the depth limit was tried: only a deeper search can do better. */
export const exhaustedRule: AnalystRule = (attempt) => {
  const exhausted = searchEvents(attempt, 'exhausted').at(-1);
  if (!exhausted) return null;
  return {
    claim: `search exhausted every program within depth limit ${exhausted.maxDepth} after ${exhausted.step} steps`,
    evidence: { kind: 'exhausted', maxDepth: exhausted.maxDepth ?? null, steps: exhausted.step ?? null },
    origin: 'trace',
  };
};

/** The attempt spent its whole step budget without fitting the visible examples. */
export const budgetSpentRule: AnalystRule = (attempt) => {
  const output = outputOf(attempt);
  if (!output || output.solved === true || output.exhausted === true || output.steps !== output.budget) return null;
  return {
    claim: `the step budget (${output.budget}) ran out while enumerating programs of size ${output.size}`,
    evidence: {
      kind: 'budget-spent',
      size: output.size ?? null,
      steps: output.steps ?? null,
      totalSteps: output.totalSteps ?? null,
    },
    origin: 'trace',
  };
};

export const dslRules: readonly AnalystRule[] = [failingExamplesRule, stallRule, exhaustedRule, budgetSpentRule];

/**
 * The dsl analyst: rules over the worker's trace and the visible-examples check, no model (`free`). Findings
 * carry `evidence.kind` (`failing-examples`, `stall`, `exhausted`, `budget-spent`) so a controller can
 * act on them; every finding's origin is 'trace'.
 *
 * @example
 * await dslAnalyst().observe(attempt, history);
 * // => [{ claim: '2 visible examples still failing: both involve negative numbers', evidence: {…}, origin: 'trace' }]
 */
export function dslAnalyst(): Analyst {
  return ruleAnalyst(dslRules, 'dsl-rules');
}
