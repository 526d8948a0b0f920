import type { IterationRecord, OptimizationRecord, OptimizerSpend } from '@ratchet/corpus';
import type { Candidate } from '../candidate';
import type { ObjectiveSpec, ScoreMatrix } from '../score-matrix';
import { hypervolume } from '../selection/hypervolume';
import { type CandidatePoint, candidateMeans, candidateParetoFront } from '../selection/pareto-front';
import { pickBest } from '../selection/scalarize';
import type { GepaStop } from './gepa-options';
import { type SearchContext, type StepOutcome, valMatrix, valScoreOf } from './search-context';
import { candidateRecordOf } from './search-state';

export interface GepaResult {
  readonly optimizationId: string;
  readonly record: OptimizationRecord;
  /** The argmax of the stated scalarization over val, ties to the earliest candidate. */
  readonly best: Candidate;
  readonly bestVal: number;
  /** Every kept candidate, in the order it was made. */
  readonly candidates: readonly Candidate[];
  readonly val: ScoreMatrix;
  /** The kept candidates on the Pareto front of the mean objective vector (true dominance). */
  readonly front: readonly string[];
  /** Hypervolume of that front against the worst value of each objective seen; null with one objective. */
  readonly hypervolume: number | null;
  readonly iterations: readonly IterationRecord[];
  readonly spend: OptimizerSpend;
  readonly stop: GepaStop;
}

/**
 * The hypervolume the front dominates beyond the baseline's mean objective vector (the reference point):
 * 0 when nothing improves on the baseline in any objective. Null with one objective (it is then just the
 * best score), or when an objective of the baseline or a front point was not measured.
 */
function frontVolume(
  front: readonly CandidatePoint[],
  baseline: string,
  matrix: ScoreMatrix,
  objectives: readonly ObjectiveSpec[],
): number | null {
  if (objectives.length < 2) return null;
  const reference = candidateMeans(new Map([[baseline, matrix.get(baseline) ?? new Map()]]), objectives)[0]?.means;
  if (!reference || objectives.some(({ name }) => reference[name] === null)) return null;
  const points = front.map((point) => point.means);
  if (points.some((means) => objectives.some(({ name }) => means[name] === null))) return null;
  return hypervolume(points, objectives, reference as Record<string, number>);
}

/** Writes an iteration (and the candidate it made) to the corpus, then the search's progress. */
export async function commitIteration(
  context: SearchContext,
  iteration: number,
  outcome: StepOutcome,
  createdAt: string,
): Promise<void> {
  const { state, meter, options, settings } = context;
  const id = state.record.optimizationId;
  if (outcome.candidate) state.seen.set(outcome.candidate.hash, outcome.candidate);
  if (outcome.iteration.outcome === 'accepted' && outcome.candidate) state.pool.push(outcome.candidate);
  if (outcome.iteration.outcome === 'rejected' && outcome.iteration.step === 'reflect' && outcome.candidate) {
    const parent = outcome.iteration.parents[0] as string;
    if (!state.rejected.has(parent)) state.rejected.set(parent, new Set());
    state.rejected.get(parent)?.add(outcome.candidate.hash);
  }
  if (outcome.iteration.step === 'merge') state.merged.add(outcome.iteration.parents.join('+'));
  const matrix = valMatrix(context);
  const best = pickBest(matrix, settings.objectives, settings.scalarization);
  const bestScore = valScoreOf(context, best) ?? 0;
  const record: IterationRecord = {
    kind: 'iteration',
    schemaVersion: 2,
    recordId: `${id}/${iteration}`,
    optimizationId: id,
    iteration,
    ...outcome.iteration,
    total: meter.spend,
    best: { hash: best, valScore: bestScore },
    frontSize: candidateParetoFront(matrix, settings.objectives).length,
    createdAt,
  };
  const candidates =
    outcome.candidate && outcome.iteration.outcome !== 'exhausted'
      ? [candidateRecordOf(id, outcome.candidate, createdAt)]
      : [];
  await options.corpus.appendOptimizerRecords([...candidates, record]);
  state.iterations.push(record);
  state.record = {
    ...state.record,
    spend: meter.spend,
    best: { id: (state.seen.get(best) as Candidate).controller.id, hash: best },
  };
  await options.corpus.putOptimization(state.record);
}

/** Closes the search's record with why it stopped, and gives the result. */
export async function finish(context: SearchContext, stop: GepaStop, endedAt: string): Promise<GepaResult> {
  const { state, meter, options, settings } = context;
  const matrix = valMatrix(context);
  const best = pickBest(matrix, settings.objectives, settings.scalarization);
  const bestCandidate = state.seen.get(best) as Candidate;
  const front = candidateParetoFront(matrix, settings.objectives);
  const status = stop.reason === 'signal' ? 'interrupted' : stop.reason === 'error' ? 'failed' : 'completed';
  state.record = {
    ...state.record,
    status,
    endedAt,
    stopReason: stop.reason,
    stopDetail: stop.detail.slice(0, 2000),
    spend: meter.spend,
    best: { id: bestCandidate.controller.id, hash: bestCandidate.hash },
  };
  await options.corpus.putOptimization(state.record);
  return {
    optimizationId: state.record.optimizationId,
    record: state.record,
    best: bestCandidate,
    bestVal: valScoreOf(context, best) ?? 0,
    candidates: [...state.pool],
    val: matrix,
    front: front.map((point) => point.hash),
    hypervolume: frontVolume(front, options.baseline.hash, matrix, settings.objectives),
    iterations: [...state.iterations],
    spend: meter.spend,
    stop,
  };
}
