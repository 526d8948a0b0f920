import { type JsonValue, type ObjectiveScore, type Verdict, verdictSchema } from '@ratchet/corpus';
import type { JudgeContext } from './judge';
import { usageObjectives } from './usage-objectives';

/** What a built-in judge decided, before it is stamped and validated as a `Verdict`. */
export interface VerdictParts {
  judge: { id: string; version?: string | undefined };
  resolved: boolean;
  scores: Record<string, ObjectiveScore>;
  details?: JsonValue;
}

/**
 * Stamps a verdict with the judge and the time, adds the usage objectives when the context is metered,
 * and validates it against the corpus schema, so no judge can hand out a verdict the corpus would refuse.
 */
export function createVerdict(parts: VerdictParts, context: JudgeContext = {}): Verdict {
  const judge = parts.judge.version === undefined ? { id: parts.judge.id } : parts.judge;
  const scores = context.usage === undefined ? parts.scores : { ...parts.scores, ...usageObjectives(context.usage) };
  return verdictSchema.parse({
    judge,
    resolved: parts.resolved,
    scores,
    ...(parts.details === undefined ? {} : { details: parts.details }),
    judgedAt: (context.now?.() ?? new Date()).toISOString(),
  });
}

/** A pass/fail objective: 1 when correct, 0 otherwise, maximized. */
export function correctObjective(correct: boolean): ObjectiveScore {
  return { value: correct ? 1 : 0, direction: 'maximize' };
}
