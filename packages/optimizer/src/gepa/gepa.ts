import type { IterationRecord } from '@ratchet/corpus';
import { createRng } from '@ratchet/stats';
import { BudgetMeter, BudgetTooSmallError } from '../budget';
import { Evaluator } from '../evaluation/evaluator';
import { OptimizerError } from '../optimizer-error';
import { acceptanceRuleSchema } from '../selection/acceptance';
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
import type { SearchContext, StepOutcome } from './search-context';
import { commitIteration, finish, type GepaResult } from './search-result';
import { openSearch } from './search-state';

export type { GepaResult } from './search-result';

/** Consecutive iterations that evaluated nothing (invalid or repeated proposals) before the search stops as exhausted. */
const maxIdleIterations = 20;

/**
 * GEPA over controllers (Agrawal et al., 2025): reflective evolution with per-task Pareto parent
 * selection, measured minibatch acceptance, and optional merges, evaluated through `runBenchmark` into
 * the corpus (arm = candidate hash). Only new cells count against the budget, which is checked before
 * every iteration and batch so neither cells nor dollars are overshot; a budget too small for one
 * proposal is refused up front. State is written after every iteration: a killed search resumes with
 * the same call and repeats no cell, and the same seed gives the same search. Reads verdicts of train
 * and val cells only (docs/design.md rule 1); the holdout is the gate's.
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
        `gepa: task ${stray.id} is on the ${stray.split} split but was given as ${role}; give ${role} tasks only (docs/design.md rules 1 and 6)`,
      );
    }
  }
  const train = new Set(options.train.map((task) => task.id));
  const overlap = options.val.find((task) => train.has(task.id));
  if (overlap)
    throw new OptimizerError(
      `gepa: task ${overlap.id} is in both train and val; the splits must not overlap (docs/design.md rule 6)`,
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
