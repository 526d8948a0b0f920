import type { ObjectiveScore } from '@ratchet/corpus';
import { type IncomparableProblem, IncomparableScoresError } from './incomparable-scores-error';

const directions = new Set(['maximize', 'minimize']);

/** A score vector: named objectives, each with a value (or null) and a direction. */
export type ScoreVector = Readonly<Record<string, ObjectiveScore>>;

/**
 * How `a` compares with `b` on one objective: `better`, `worse`, `equal`, or `unknown` when exactly
 * one value is null (an unmeasured value is neither better nor worse than a measured one). Two nulls
 * are `equal`: neither side was measured, so the objective says nothing.
 */
export type ObjectiveComparison = 'better' | 'worse' | 'equal' | 'unknown';

export function compareObjective(a: ObjectiveScore, b: ObjectiveScore): ObjectiveComparison {
  if (a.value === null || b.value === null) return a.value === b.value ? 'equal' : 'unknown';
  if (a.value === b.value) return 'equal';
  const aHigher = a.value > b.value;
  return aHigher === (a.direction === 'maximize') ? 'better' : 'worse';
}

/**
 * Checks that two score vectors have the same objectives with the same directions and valid values.
 *
 * @throws {IncomparableScoresError} naming the first objective that differs.
 */
export function assertComparable(functionName: string, a: ScoreVector, b: ScoreVector, index?: number): void {
  const error = (objective: string, problem: IncomparableProblem) =>
    new IncomparableScoresError({ functionName, objective, problem, ...(index === undefined ? {} : { index }) });
  for (const objective of Object.keys(b)) if (!Object.hasOwn(a, objective)) throw error(objective, 'missing');
  for (const [objective, score] of Object.entries(a)) {
    const other = Object.hasOwn(b, objective) ? b[objective] : undefined;
    if (other === undefined) throw error(objective, 'missing');
    if (score.direction !== other.direction || !directions.has(score.direction)) throw error(objective, 'direction');
    for (const value of [score.value, other.value]) {
      if (value !== null && !Number.isFinite(value)) throw error(objective, 'value');
    }
  }
}
