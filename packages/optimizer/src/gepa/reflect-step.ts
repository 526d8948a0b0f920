import { InvalidControllerError, type Task } from '@ratchet/runtime';
import type { Rng } from '@ratchet/stats';
import { type Candidate, componentsOf } from '../candidate';
import { reflectiveExamples } from '../evaluation/reflective-examples';
import { changedComponents } from '../proposers/changed-components';
import type { ProposerUsage } from '../proposers/proposer';
import { accept } from '../selection/acceptance';
import { instanceFronts } from '../selection/instance-fronts';
import { removeDominated } from '../selection/remove-dominated';
import { selectParent } from '../selection/select-parent';
import {
  pairedScalars,
  type SearchContext,
  type StepOutcome,
  stepRecorder,
  stopOf,
  valMatrix,
  valScoreOf,
} from './search-context';

/** Draws `size` distinct train tasks (all of them when there are fewer), in task order. */
export function drawMinibatch(train: readonly Task[], size: number, random: Rng): Task[] {
  const indices = train.map((_, index) => index);
  for (let i = indices.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  return indices
    .slice(0, Math.min(size, train.length))
    .sort((a, b) => a - b)
    .map((index) => train[index] as Task);
}

/** The parent's next component, round-robin over its components by the reflections it has already had. */
function nextComponent(context: SearchContext, parent: Candidate): string | null {
  const components = context.options.proposer.components?.(parent) ?? componentsOf(parent.controller.parameters);
  if (components.length === 0) return null;
  const turns = context.state.iterations.filter((it) => it.step === 'reflect' && it.parents[0] === parent.hash).length;
  return components[turns % components.length] as string;
}

/**
 * One reflective iteration, GEPA's: draw a parent from the per-task fronts (dominated candidates removed,
 * probability ∝ fronts it is on), a minibatch of train tasks, and the parent's next component; the
 * proposer rewrites it; a proposal that is invalid, unchanged or already rejected for this parent costs no
 * evaluation; otherwise the child runs on the minibatch and the acceptance rule compares it with the
 * parent there; only an accepted child is scored on val.
 */
export async function reflectStep(context: SearchContext, iteration: number, random: Rng): Promise<StepOutcome> {
  const { options, settings, evaluator, meter, state } = context;
  const matrix = valMatrix(context);
  const aggregate = new Map(state.pool.map((candidate) => [candidate.hash, valScoreOf(context, candidate.hash) ?? 0]));
  const fronts = removeDominated(instanceFronts(matrix, settings.objectives), aggregate);
  const parentHash = selectParent(fronts, random.fork('parent'));
  const parent = state.seen.get(parentHash) as Candidate;
  const minibatch = drawMinibatch(options.train, settings.minibatch, random.fork('minibatch'));
  const component = nextComponent(context, parent);
  const recorder = stepRecorder(context, {
    step: 'reflect' as const,
    parents: [parent.hash],
    component,
    minibatch: minibatch.map((task) => task.id),
  });
  const { done } = recorder;
  if (component === null) {
    return done({
      proposal: null,
      outcome: 'exhausted',
      reason: `${parent.hash} has no component to rewrite`,
      acceptance: null,
      valScore: null,
    });
  }
  // Refuse the iteration up front if its worst case (parent and child on the minibatch, child on val) cannot be paid.
  const worst =
    evaluator.missing(parent.hash, minibatch).length * settings.replicates +
    (minibatch.length + options.val.length) * settings.replicates;
  const refused = meter.refuses(worst);
  if (refused)
    return done(
      { proposal: null, outcome: 'exhausted', reason: refused.detail, acceptance: null, valScore: null },
      null,
      refused,
    );

  // The parent's minibatch run: before proposing for a reflective proposer (it reads those attempts),
  // after the proposal is checked otherwise, so an invalid or repeated proposal costs no cell at all.
  const runParent = async (): Promise<StepOutcome | null> => {
    const parentRun = await evaluator.evaluate(
      parent.controller,
      minibatch,
      `i${iteration}-parent`,
      settings.objectives,
    );
    if (parentRun.kind === 'scored') return null;
    return done(
      {
        proposal: null,
        outcome: 'exhausted',
        reason: 'the parent could not be run on the minibatch',
        acceptance: null,
        valScore: null,
      },
      null,
      stopOf(parentRun),
    );
  };
  if (options.proposer.reflective) {
    const failed = await runParent();
    if (failed) return failed;
  }
  const examples = options.proposer.reflective
    ? await reflectiveExamples(
        options.corpus,
        evaluator.cells(parent.hash, minibatch),
        minibatch,
        settings.objectives,
        settings.scalarization,
      )
    : [];
  const result = await options.proposer.propose({
    parent,
    component,
    schema: parent.controller.schema,
    examples,
    rejected: state.rejected.get(parent.hash) ?? new Set(),
    random: random.fork('proposal'),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  meter.addProposer(proposerUsd(result.usage));
  recorder.setProposer({ calls: result.usage.calls, usd: proposerUsd(result.usage) });
  if (result.kind === 'invalid') {
    return done({ proposal: null, outcome: 'invalid', reason: result.reason, acceptance: null, valScore: null });
  }
  let child: Candidate;
  try {
    const controller = parent.controller.withParameters(result.parameters);
    child = {
      hash: controller.hash,
      controller,
      parents: [parent.hash],
      origin: 'proposal',
      proposer: options.proposer.id,
      changed: changedComponents(parent.controller.parameters, controller.parameters),
      iteration,
    };
  } catch (error) {
    if (!(error instanceof InvalidControllerError)) throw error;
    return done({
      proposal: null,
      outcome: 'invalid',
      reason: error.message.slice(0, 2000),
      acceptance: null,
      valScore: null,
    });
  }
  const repeat =
    child.hash === parent.hash
      ? 'equal to its parent'
      : state.rejected.get(parent.hash)?.has(child.hash)
        ? `already rejected for parent ${parent.hash}`
        : state.pool.some((kept) => kept.hash === child.hash)
          ? 'already a kept candidate'
          : null;
  if (repeat)
    return done({
      proposal: child.hash,
      outcome: 'repeated',
      reason: `the proposal is ${repeat}; not evaluated`,
      acceptance: null,
      valScore: null,
    });

  if (!options.proposer.reflective) {
    const failed = await runParent();
    if (failed) return failed;
  }
  const childRun = await evaluator.evaluate(child.controller, minibatch, `i${iteration}-child`, settings.objectives);
  if (childRun.kind !== 'scored') {
    return done(
      {
        proposal: child.hash,
        outcome: 'exhausted',
        reason: 'the child could not be run on the minibatch',
        acceptance: null,
        valScore: null,
      },
      child,
      stopOf(childRun),
    );
  }
  const paired = pairedScalars(context, parent.hash, child.hash, minibatch);
  const verdict = accept(settings.acceptance, paired.left, paired.right);
  const acceptance = {
    rule: settings.acceptance.rule,
    parent: paired.left,
    child: paired.right,
    pValue: verdict.pValue,
  };
  if (!verdict.accepted)
    return done(
      { proposal: child.hash, outcome: 'rejected', reason: verdict.reason, acceptance, valScore: null },
      child,
    );

  const valRun = await evaluator.evaluate(child.controller, options.val, `i${iteration}-val`, settings.objectives);
  if (valRun.kind !== 'scored') {
    return done(
      {
        proposal: child.hash,
        outcome: 'exhausted',
        reason: 'the accepted child could not be scored on val',
        acceptance,
        valScore: null,
      },
      child,
      stopOf(valRun),
    );
  }
  return done(
    {
      proposal: child.hash,
      outcome: 'accepted',
      reason: verdict.reason,
      acceptance,
      valScore: valScoreOf(context, child.hash),
    },
    child,
  );
}

/** A proposal's dollars: 0 when no model was called, its figure when measured or estimated, else unmeasured. */
function proposerUsd(usage: ProposerUsage): number | null {
  if (usage.costProvenance === 'none') return 0;
  return usage.usd;
}
