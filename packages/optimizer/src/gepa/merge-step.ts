import type { Rng } from '@ratchet/stats';
import type { Candidate } from '../candidate';
import { findMergePairs } from '../proposers/find-merge-pairs';
import { stratifiedSubsample } from '../selection/stratified-subsample';
import type { MergeSettings } from './gepa-options';
import { pairedScalars, type SearchContext, type StepOutcome, valScoreOf } from './search-context';

/**
 * One merge iteration (GEPA's system-aware crossover): the first pair of kept candidates with a common
 * ancestor that has not been tried, each having changed what the other did not; per component the side
 * that changed it. The merged candidate is first judged on a small val subsample stratified by which
 * parent did better, and kept only if it does at least as well there as the better parent; then it is
 * scored on the rest of val (the subsample's cells are reused). Returns null when no pair is left.
 */
export async function mergeStep(
  context: SearchContext,
  merge: MergeSettings,
  iteration: number,
  random: Rng,
): Promise<StepOutcome | null> {
  const { options, settings, evaluator, meter, state } = context;
  const pair = findMergePairs(state.pool).find(({ left, right }) => !state.merged.has(`${left.hash}+${right.hash}`));
  if (!pair) return null;
  const { left, right, ancestor } = pair;
  const base = { step: 'merge' as const, parents: [left.hash, right.hash], component: null, minibatch: [] as string[] };
  const spentBefore = meter.spend;
  const spend = () => ({
    cells: meter.spend.cells - spentBefore.cells,
    usd: meter.spend.usd === null || spentBefore.usd === null ? null : meter.spend.usd - spentBefore.usd,
  });
  const leftScore = valScoreOf(context, left.hash) ?? 0;
  const rightScore = valScoreOf(context, right.hash) ?? 0;
  const result = merge.proposer.merge({ ancestor, left, right, scores: { left: leftScore, right: rightScore } });
  if (result.kind === 'invalid') {
    return {
      iteration: {
        ...base,
        proposal: null,
        outcome: 'invalid',
        reason: result.reason,
        acceptance: null,
        valScore: null,
        spend: spend(),
        proposer: { calls: 0, usd: 0 },
      },
      candidate: null,
      stop: null,
    };
  }
  const controller = left.controller.withParameters(result.parameters);
  const child: Candidate = {
    hash: controller.hash,
    controller,
    parents: [left.hash, right.hash],
    origin: 'merge',
    proposer: merge.proposer.id,
    changed: [...result.changed],
    iteration,
  };
  if (state.seen.has(child.hash)) {
    return {
      iteration: {
        ...base,
        proposal: child.hash,
        outcome: 'repeated',
        reason: 'the merge equals a candidate already evaluated; not evaluated again',
        acceptance: null,
        valScore: null,
        spend: spend(),
        proposer: { calls: 0, usd: 0 },
      },
      candidate: null,
      stop: null,
    };
  }
  const both = pairedScalars(context, left.hash, right.hash, options.val);
  const picked = stratifiedSubsample(
    new Map(both.tasks.map((task, index) => [task, both.left[index] as number])),
    new Map(both.tasks.map((task, index) => [task, both.right[index] as number])),
    settings.mergeSubsample,
    random.fork('subsample'),
  );
  const subsampleIds = new Set(picked.taskIds);
  const subsample = options.val.filter((task) => subsampleIds.has(task.id));
  const refused = meter.refuses(options.val.length * settings.replicates);
  if (refused)
    return {
      iteration: {
        ...base,
        proposal: child.hash,
        outcome: 'exhausted',
        reason: refused.detail,
        acceptance: null,
        valScore: null,
        spend: spend(),
        proposer: { calls: 0, usd: 0 },
      },
      candidate: null,
      stop: refused,
    };

  const trial = await evaluator.evaluate(child.controller, subsample, `i${iteration}-merge`, settings.objectives);
  if (trial.kind !== 'scored') {
    const stop =
      trial.kind === 'refused'
        ? trial.stop
        : {
            reason: trial.reason === 'budget-usd' ? ('budget-usd' as const) : ('signal' as const),
            detail: trial.detail,
          };
    return {
      iteration: {
        ...base,
        proposal: child.hash,
        outcome: 'exhausted',
        reason: stop.detail,
        acceptance: null,
        valScore: null,
        spend: spend(),
        proposer: { calls: 0, usd: 0 },
      },
      candidate: child,
      stop,
    };
  }
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const vsLeft = pairedScalars(context, left.hash, child.hash, subsample);
  const vsRight = pairedScalars(context, right.hash, child.hash, subsample);
  const better = Math.max(sum(vsLeft.left), sum(vsRight.left));
  const childSum = sum(vsLeft.right);
  const acceptance = {
    rule: 'merge-at-least-better-parent',
    parent: sum(vsLeft.left) >= sum(vsRight.left) ? vsLeft.left : vsRight.left,
    child: vsLeft.right,
    pValue: null,
  };
  if (childSum < better) {
    return {
      iteration: {
        ...base,
        proposal: child.hash,
        outcome: 'rejected',
        reason: `the merge scored ${childSum} on ${subsample.length} subsampled val tasks, below the better parent's ${better}`,
        acceptance,
        valScore: null,
        spend: spend(),
        proposer: { calls: 0, usd: 0 },
      },
      candidate: child,
      stop: null,
    };
  }
  const full = await evaluator.evaluate(child.controller, options.val, `i${iteration}-val`, settings.objectives);
  if (full.kind !== 'scored') {
    const stop =
      full.kind === 'refused'
        ? full.stop
        : { reason: full.reason === 'budget-usd' ? ('budget-usd' as const) : ('signal' as const), detail: full.detail };
    return {
      iteration: {
        ...base,
        proposal: child.hash,
        outcome: 'exhausted',
        reason: stop.detail,
        acceptance,
        valScore: null,
        spend: spend(),
        proposer: { calls: 0, usd: 0 },
      },
      candidate: child,
      stop,
    };
  }
  return {
    iteration: {
      ...base,
      proposal: child.hash,
      outcome: 'accepted',
      reason: `the merge scored ${childSum} on ${subsample.length} subsampled val tasks, at least the better parent's ${better}`,
      acceptance,
      valScore: valScoreOf(context, child.hash),
      spend: spend(),
      proposer: { calls: 0, usd: 0 },
    },
    candidate: child,
    stop: null,
  };
}
