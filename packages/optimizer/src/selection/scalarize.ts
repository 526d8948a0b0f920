import type { CandidateScores, ObjectiveSpec, Scalarization, ScoreMatrix, TaskScores } from '../score-matrix';
import { assertObjectives, objectiveValue } from './score-values';
import { SelectionError } from './selection-error';

/** The stated scalarization when none is given: the success rate alone. */
export const defaultWeights: Scalarization = Object.freeze({ success: 1 });

/**
 * One task's scalar score: Σ weight × value over the weighted objectives, `minimize` objectives
 * subtracted, so higher is always better. Objectives with weight 0 or no weight are ignored.
 *
 * Null when a weighted objective is null: a sum that silently drops an unmeasured cost would rank a
 * candidate higher for not being measured (docs/design.md rule 5).
 *
 * @param taskScores - the task's scores by objective; undefined (task not run) reads as all null.
 * @param weights - non-negative finite weights by objective name; default `{ success: 1 }`.
 * @throws {SelectionError} `invalid-objectives` when a weight names an objective not in `objectives`;
 *   `invalid-weights` for a negative or non-finite weight, or no positive weight; `invalid-scores` for a
 *   NaN or infinite score.
 * @example
 * scalarScore({ success: 1, usd: 0.5 },
 *   [{ name: 'success', direction: 'maximize' }, { name: 'usd', direction: 'minimize' }],
 *   { success: 1, usd: 0.2 }); // => 0.9
 */
export function scalarScore(
  taskScores: TaskScores | undefined,
  objectives: readonly ObjectiveSpec[],
  weights: Scalarization = defaultWeights,
): number | null {
  const terms = weightedObjectives('scalarScore', objectives, weights);
  return scalarOf('scalarScore', taskScores, terms, 'task scores');
}

/**
 * A candidate's mean scalar score over `tasks`. Tasks it has no scalar score on (not run, or a weighted
 * objective null) are left out of the mean rather than counted as 0; null when no task has one.
 *
 * @throws {SelectionError} as `scalarScore`.
 * @example
 * meanScalar(new Map([['t1', { success: 1 }], ['t2', { success: 0 }], ['t3', { success: null }]]),
 *   ['t1', 't2', 't3'], [{ name: 'success', direction: 'maximize' }]); // => 0.5
 */
export function meanScalar(
  candidateScores: CandidateScores,
  tasks: readonly string[],
  objectives: readonly ObjectiveSpec[],
  weights: Scalarization = defaultWeights,
): number | null {
  const terms = weightedObjectives('meanScalar', objectives, weights);
  return meanOf('meanScalar', candidateScores, tasks, terms, 'candidate');
}

/**
 * The final pick of a stated scalarization: the candidate with the highest mean scalar score over the
 * tasks of the matrix, ties to the earliest candidate (insertion order). Candidates with no scalar score
 * are not eligible.
 *
 * @throws {SelectionError} `nothing-measured` when no candidate has a scalar score; otherwise as `scalarScore`.
 * @example
 * // means: a 0.5, b 0.75, c 0.75
 * pickBest(matrix, [{ name: 'success', direction: 'maximize' }]); // => 'b'
 */
export function pickBest(
  matrix: ScoreMatrix,
  objectives: readonly ObjectiveSpec[],
  weights: Scalarization = defaultWeights,
): string {
  const terms = weightedObjectives('pickBest', objectives, weights);
  const taskIds = new Set<string>();
  for (const scores of matrix.values()) for (const taskId of scores.keys()) taskIds.add(taskId);
  const tasks = [...taskIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  let best: { hash: string; mean: number } | null = null;
  for (const [hash, scores] of matrix) {
    const mean = meanOf('pickBest', scores, tasks, terms, `candidate ${hash}`);
    if (mean !== null && (best === null || mean > best.mean)) best = { hash, mean };
  }
  if (best === null) {
    throw new SelectionError({
      functionName: 'pickBest',
      problem: 'nothing-measured',
      message: `no candidate of ${matrix.size} has a scalar score on any task; evaluate candidates on every weighted objective (${Object.keys(weights).join(', ')}) first.`,
    });
  }
  return best.hash;
}

interface Term {
  readonly name: string;
  /** The weight, negated for a `minimize` objective. */
  readonly signed: number;
}

/** Validates the weights against the objectives and returns the weighted terms, in objective order. */
function weightedObjectives(
  functionName: string,
  objectives: readonly ObjectiveSpec[],
  weights: Scalarization,
): Term[] {
  assertObjectives(functionName, objectives);
  const names = new Set(objectives.map(({ name }) => name));
  for (const [name, weight] of Object.entries(weights)) {
    if (!names.has(name)) {
      throw new SelectionError({
        functionName,
        problem: 'invalid-objectives',
        message: `weights name objective "${name}", which is not among the objectives (${[...names].join(', ')}); weight only objectives the search reads.`,
      });
    }
    if (!Number.isFinite(weight) || weight < 0) {
      throw new SelectionError({
        functionName,
        problem: 'invalid-weights',
        message: `weight of "${name}" is ${weight}; weights must be finite and ≥ 0 (a "minimize" direction already subtracts).`,
      });
    }
  }
  const terms = objectives
    .filter(({ name }) => (weights[name] ?? 0) > 0)
    .map(({ name, direction }) => {
      const weight = weights[name] as number;
      return { name, signed: direction === 'maximize' ? weight : -weight };
    });
  if (terms.length === 0) {
    throw new SelectionError({
      functionName,
      problem: 'invalid-weights',
      message: 'no objective has a positive weight; give at least one, such as { success: 1 }.',
    });
  }
  return terms;
}

function scalarOf(
  functionName: string,
  taskScores: TaskScores | undefined,
  terms: readonly Term[],
  where: string,
): number | null {
  let sum = 0;
  for (const { name, signed } of terms) {
    const value = objectiveValue(functionName, taskScores, name, where);
    if (value === null) return null;
    sum += signed * value;
  }
  return sum;
}

function meanOf(
  functionName: string,
  scores: CandidateScores,
  tasks: readonly string[],
  terms: readonly Term[],
  where: string,
): number | null {
  let sum = 0;
  let n = 0;
  for (const taskId of tasks) {
    const scalar = scalarOf(functionName, scores.get(taskId), terms, `${where}, task ${taskId}`);
    if (scalar === null) continue;
    sum += scalar;
    n++;
  }
  return n === 0 ? null : sum / n;
}
