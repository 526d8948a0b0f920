import { assertComparable, compareObjective, type ScoreVector } from './compare-objective';

/**
 * Pareto dominance over score vectors with directions: `a` dominates `b` when it is at least as good
 * on every objective and strictly better on at least one, each objective read in its own direction
 * (`maximize`: higher is better; `minimize`: lower is better).
 *
 * Nulls: an unmeasured value is never better (docs/design.md rule 5, no silent zero). When exactly one of the
 * two values of an objective is null the vectors cannot be ordered on it, so neither dominates; when
 * both are null the objective is ignored.
 *
 * @throws {IncomparableScoresError} when the vectors do not have the same objectives and directions, or
 *   a value is neither finite nor null.
 * @example
 * const a = { correct: { value: 1, direction: 'maximize' }, usd: { value: 0.2, direction: 'minimize' } };
 * const b = { correct: { value: 1, direction: 'maximize' }, usd: { value: 0.5, direction: 'minimize' } };
 * dominates(a, b); // => true
 * dominates(b, a); // => false
 */
export function dominates(a: ScoreVector, b: ScoreVector): boolean {
  assertComparable('dominates', a, b);
  return dominatesComparable(a, b);
}

/** `dominates` without the comparability check, for callers that checked already. */
export function dominatesComparable(a: ScoreVector, b: ScoreVector): boolean {
  let strictlyBetter = false;
  for (const [objective, score] of Object.entries(a)) {
    const comparison = compareObjective(score, b[objective] as ScoreVector[string]);
    if (comparison === 'worse' || comparison === 'unknown') return false;
    if (comparison === 'better') strictlyBetter = true;
  }
  return strictlyBetter;
}
