import type { IterationRecord, OptimizationRecord, OptimizerSpend } from '@ratchet/corpus';
import { createRng } from '@ratchet/stats';
import { BudgetMeter, BudgetTooSmallError } from '../budget';
import type { Candidate } from '../candidate';
import { Evaluator } from '../evaluation/evaluator';
import { OptimizerError } from '../optimizer-error';
import type { ObjectiveSpec, ScoreMatrix } from '../score-matrix';
import { acceptanceRuleSchema } from '../selection/acceptance';
import { hypervolume } from '../selection/hypervolume';
import { type CandidatePoint, candidateMeans, candidateParetoFront } from '../selection/pareto-front';
import { pickBest } from '../selection/scalarize';
import {
  defaultAcceptance,
  evaluationKey,
  type GepaOptions,
  type GepaStop,
  optimizationIdOf,
  searchDefinition,
  settingsOf,
} from './gepa-options';
import { mergeStep } from './merge-step';
import { reflectStep } from './reflect-step';
import { type SearchContext, type StepOutcome, valMatrix, valScoreOf } from './search-context';
import { candidateRecordOf, openSearch } from './search-state';

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

/** Consecutive iterations that evaluated nothing (invalid or repeated proposals) before the search stops as exhausted. */
const maxIdleIterations = 20;

/**
 * GEPA over controllers (Agrawal et al., 2025): reflective evolution with per-task Pareto parent
 * selection, measured minibatch acceptance, and optional merges, evaluated through `runBenchmark` into
 * the corpus (arm = candidate hash). Only new cells count against the budget, which is checked before
 * every iteration and batch so neither cells nor dollars are overshot; a budget too small for one
 * proposal is refused up front. State is written after every iteration: a killed search resumes with
 * the same call and repeats no cell, and the same seed gives the same search. Reads verdicts of train
 * and val cells only (DESIGN rule 1); the holdout is the gate's.
 *
 * @throws {BudgetTooSmallError} when the budget cannot pay for the baseline's val scores and one proposal.
 * @throws {SearchStateError} when the optimization id was used by another definition.
 */
export async function gepa(options: GepaOptions): Promise<GepaResult> {
  const acceptance = acceptanceRuleSchema.parse(options.acceptance ?? defaultAcceptance);
  const settings = settingsOf(options, acceptance);
  validate(options, settings.minibatch);
  const definition = searchDefinition(options, settings);
  const ids = options.optimizationId
    ? { id: options.optimizationId, configHash: optimizationIdOf(definition).configHash }
    : optimizationIdOf(definition);
  const meter = new BudgetMeter(options.budget);
  const evaluator = await Evaluator.open(
    {
      corpus: options.corpus,
      family: options.family,
      benchmark: options.benchmark,
      plan: options.plan,
      evaluationKey: evaluationKey(options, settings),
      seed: settings.seed,
      replicates: settings.replicates,
      runPrefix: `${ids.id}/`,
      config: { optimizationId: ids.id },
      readChecks: settings.objectives.some((objective) => objective.name === 'checks'),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    },
    meter,
  );
  const state = await openSearch(options, settings, ids, definition);
  // Rollout dollars were recounted from the cells; the proposer's share comes from the iteration records.
  meter.addProposer(proposerSpendOf(state.iterations));
  const context: SearchContext = { options, settings, evaluator, meter, state };
  const now = () => (options.now ?? (() => new Date()))().toISOString();

  const neededFirst =
    evaluator.missing(options.baseline.hash, options.val).length * settings.replicates +
    (2 * Math.min(settings.minibatch, options.train.length) + options.val.length) * settings.replicates;
  if (
    options.budget.cells !== undefined &&
    state.iterations.length === 0 &&
    meter.spend.cells + neededFirst > options.budget.cells
  ) {
    throw new BudgetTooSmallError(
      neededFirst,
      options.budget.cells,
      `the baseline on ${options.val.length} val tasks, parent and child on a minibatch of ${settings.minibatch}, the child on val, × ${settings.replicates} replicate(s)`,
    );
  }

  try {
    const stop = await search(context);
    return await finish(context, stop, now());
  } catch (error) {
    // A search that threw (a refused steer, a store failure) says so in its record, then the error goes on.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    state.record = {
      ...state.record,
      status: 'failed',
      endedAt: now(),
      stopReason: 'error',
      stopDetail: detail.slice(0, 2000),
      spend: meter.spend,
    };
    await options.corpus.putOptimization(state.record).catch(() => undefined);
    throw error;
  }
}

/** The iterations, until a cap, a signal or exhaustion stops them. */
async function search(context: SearchContext): Promise<GepaStop> {
  const { options, settings, evaluator, meter, state } = context;
  const now = () => (options.now ?? (() => new Date()))().toISOString();
  let stop: GepaStop | null = null;
  const baselineRun = await evaluator.evaluate(options.baseline, options.val, 'baseline-val', settings.objectives);
  if (baselineRun.kind === 'refused') stop = baselineRun.stop;
  else if (baselineRun.kind === 'stopped')
    stop = { reason: baselineRun.reason === 'budget-usd' ? 'budget-usd' : 'signal', detail: baselineRun.detail };

  let idle = 0;
  for (let iteration = state.iterations.length + 1; stop === null; iteration++) {
    if (options.signal?.aborted) stop = { reason: 'signal', detail: 'the search was interrupted' };
    else if (options.budget.iterations !== undefined && iteration > options.budget.iterations) {
      stop = { reason: 'iterations', detail: `${options.budget.iterations} iterations done` };
    } else if (idle >= maxIdleIterations) {
      stop = {
        reason: 'exhausted',
        detail: `${maxIdleIterations} iterations in a row produced no proposal worth evaluating`,
      };
    }
    if (stop) break;
    const random = createRng(settings.seed).fork(`iteration/${iteration}`);
    const merge = options.merge || null;
    let outcome: StepOutcome | null = null;
    if (merge && settings.mergeEvery > 0 && iteration % settings.mergeEvery === 0) {
      outcome = await mergeStep(context, merge, iteration, random);
    }
    outcome ??= await reflectStep(context, iteration, random);
    if (outcome.stop) {
      // A cut-short iteration is not recorded: resumed (with budget to spare), it is redone from its cached cells.
      stop = outcome.stop;
      break;
    }
    idle = outcome.iteration.spend.cells > 0 ? 0 : idle + 1;
    await commitIteration(context, iteration, outcome, now());
    const best = state.iterations.at(-1)?.best as { hash: string; valScore: number };
    options.onProgress?.({
      iteration,
      outcome: outcome.iteration.outcome,
      reason: outcome.iteration.reason,
      best,
      frontSize: state.iterations.at(-1)?.frontSize ?? 0,
      candidates: state.pool.length,
      spend: meter.spend,
      budget: options.budget,
    });
  }
  return stop as GepaStop;
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

function validate(options: GepaOptions, minibatch: number): void {
  if (options.train.length === 0)
    throw new OptimizerError('gepa: give at least one train task to draw minibatches from');
  if (options.val.length === 0) throw new OptimizerError('gepa: give at least one val task to score candidates on');
  if (!Number.isInteger(minibatch) || minibatch < 1)
    throw new OptimizerError(`gepa: minibatch must be a whole number ≥ 1, received ${minibatch}`);
  const { cells, usd, iterations } = options.budget;
  if (cells === undefined && usd === undefined && iterations === undefined) {
    throw new OptimizerError('gepa: give a budget (cells, usd or iterations); a search without one never stops');
  }
  for (const [role, tasks] of [
    ['train', options.train],
    ['val', options.val],
  ] as const) {
    const stray = tasks.find((task) => task.split !== role);
    // The search reads verdicts of what it runs: a holdout task given as train or val would leak the gate's labels.
    if (stray) {
      throw new OptimizerError(
        `gepa: task ${stray.id} is on the ${stray.split} split but was given as ${role}; give ${role} tasks only (DESIGN rules 1 and 6)`,
      );
    }
  }
  const train = new Set(options.train.map((task) => task.id));
  const overlap = options.val.find((task) => train.has(task.id));
  if (overlap)
    throw new OptimizerError(
      `gepa: task ${overlap.id} is in both train and val; the splits must not overlap (DESIGN rule 6)`,
    );
}

/** The proposer dollars already spent by recorded iterations (rollout dollars are recounted from cells). */
function proposerSpendOf(iterations: readonly IterationRecord[]): number | null {
  let total = 0;
  for (const iteration of iterations) {
    if (iteration.proposer.usd === null) return null;
    total += iteration.proposer.usd;
  }
  return total;
}

async function commitIteration(
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

async function finish(context: SearchContext, stop: GepaStop, endedAt: string): Promise<GepaResult> {
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
