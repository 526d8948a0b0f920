import type { Rng } from '@ratchet/stats';
import type { Candidate } from '../candidate';
import { findMergePairs } from '../proposers/find-merge-pairs';
import { stratifiedSubsample } from '../selection/stratified-subsample';
import type { MergeSettings } from './gepa-options';
import {
  pairedScalars,
  type SearchContext,
  type StepOutcome,
  stepRecorder,
  stopOf,
  valScoreOf,
} from './search-context';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

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
  const { done } = stepRecorder(context, {
    step: 'merge' as const,
    parents: [left.hash, right.hash],
    component: null,
    minibatch: [] as string[],
  });
  const scores = { left: valScoreOf(context, left.hash) ?? 0, right: valScoreOf(context, right.hash) ?? 0 };
  const result = merge.proposer.merge({ ancestor, left, right, scores });
  if (result.kind === 'invalid') {
    return done({ proposal: null, outcome: 'invalid', reason: result.reason, acceptance: null, valScore: null });
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
    const reason = 'the merge equals a candidate already evaluated; not evaluated again';
    return done({ proposal: child.hash, outcome: 'repeated', reason, acceptance: null, valScore: null });
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
  // The worst case is the whole of val: refuse the step up front rather than pay for a subsample and stop.
  const refused = meter.refuses(options.val.length * settings.replicates);
  if (refused) {
    return done(
      { proposal: child.hash, outcome: 'exhausted', reason: refused.detail, acceptance: null, valScore: null },
      null,
      refused,
    );
  }
  const trial = await evaluator.evaluate(child.controller, subsample, `i${iteration}-merge`, settings.objectives);
  if (trial.kind !== 'scored') {
    const stop = stopOf(trial);
    return done(
      { proposal: child.hash, outcome: 'exhausted', reason: stop.detail, acceptance: null, valScore: null },
      child,
      stop,
    );
  }
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
  const figures = `the merge scored ${childSum} on ${subsample.length} subsampled val tasks`;
  if (childSum < better) {
    const reason = `${figures}, below the better parent's ${better}`;
    return done({ proposal: child.hash, outcome: 'rejected', reason, acceptance, valScore: null }, child);
  }
  const full = await evaluator.evaluate(child.controller, options.val, `i${iteration}-val`, settings.objectives);
  if (full.kind !== 'scored') {
    const stop = stopOf(full);
    return done(
      { proposal: child.hash, outcome: 'exhausted', reason: stop.detail, acceptance, valScore: null },
      child,
      stop,
    );
  }
  const reason = `${figures}, at least the better parent's ${better}`;
  return done(
    { proposal: child.hash, outcome: 'accepted', reason, acceptance, valScore: valScoreOf(context, child.hash) },
    child,
  );
}
