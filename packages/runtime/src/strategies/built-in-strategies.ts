import type { AttemptView } from '../contracts/attempt-view';
import type { Controller } from '../contracts/controller';
import { RuntimeError } from '../contracts/runtime-error';
import { defaultController } from '../controllers/default-controller';
import { bestByChecks } from './choose-by-checks';
import { defineStrategy, type ShotOptions, type StrategyContext, type StrategyPlan } from './strategy';

function assertK(name: string, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RuntimeError(`${name}(k): k must be an integer ≥ 1, received ${k}`);
}

/** Continue from `attempt` when the controller says refine and the worker can; else start fresh. */
function next(ctx: StrategyContext, attempt: AttemptView, extra: ShotOptions = {}): ShotOptions {
  const continues = ctx.topology() === 'refine' && attempt.continuable;
  return continues ? { ...extra, from: attempt.attemptId } : extra;
}

/** Whether the controller ends the cell here (it may stop, or say `stop` as its topology). */
const ends = (ctx: StrategyContext) => ctx.stop() || ctx.topology() === 'stop';

// Built-ins leave the final choice to the harness's check-based default (`chosenBy: 'checks'`).

/** One attempt, unsteered but for the controller's initial steer: the floor every other arm must beat. */
export const blindStrategy = defineStrategy('blind', async (ctx) => {
  await ctx.shot();
});

/** k independent fresh attempts; the final output is the one with the best checks. The equal-compute control. */
export const randomStrategy = defineStrategy('random', async (ctx) => {
  for (let i = 0; i < ctx.k; i++) await ctx.shot();
});

/**
 * The continuation control: each next attempt continues from the last one's checkpoint with no steer
 * (no analyst call), stopping where the controller would. `refine − continue` is the steer's own effect.
 */
export const continueStrategy = defineStrategy('continue', async (ctx) => {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ends(ctx)) {
    last = await ctx.shot(last.continuable ? { from: last.attemptId } : {});
  }
});

/**
 * Each next attempt is steered by the previous attempt's findings; it continues from that attempt's
 * checkpoint when the controller's topology says `refine` and the worker can continue, and starts
 * fresh (still steered) when it says `fanout`.
 */
export const refineStrategy = defineStrategy('refine', async (ctx) => {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ends(ctx)) {
    last = await ctx.shot(next(ctx, last, { findings: await ctx.observe(last) }));
  }
});

/** Depth: each next attempt is steered from the best attempt so far (by checks), continuing from it when the topology says refine. */
export const continueBestStrategy = defineStrategy('continue-best', async (ctx) => {
  await ctx.shot();
  while (ctx.history.length < ctx.k && !ends(ctx)) {
    const best = bestByChecks(ctx.history.filter((attempt) => attempt.continuable)) ?? bestByChecks(ctx.history);
    if (!best) break;
    await ctx.shot(next(ctx, best, { findings: await ctx.observe(best) }));
  }
});

/** Breadth, then depth: ⌈k/2⌉ independent attempts, then refinement from the best of them, following the topology. */
export const fanoutThenRefineStrategy = defineStrategy('fanout-then-refine', async (ctx) => {
  const fanout = Math.ceil(ctx.k / 2);
  for (let i = 0; i < fanout; i++) await ctx.shot();
  let last = bestByChecks(ctx.history);
  while (last && ctx.history.length < ctx.k && !ends(ctx)) {
    last = await ctx.shot(next(ctx, last, { findings: await ctx.observe(last) }));
  }
});

/** `blind`: k = 1. */
export function blind(options: { controller?: Controller } = {}): StrategyPlan {
  return { strategy: blindStrategy, k: 1, controller: options.controller ?? defaultController };
}

/** `random@k`: k independent attempts, chosen by checks. */
export function random(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('random', k);
  return { strategy: randomStrategy, k, controller: options.controller ?? defaultController };
}

/** `continue@k`: continue from the last checkpoint with no steer: the control for steering. */
export function continueFromLast(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('continue', k);
  return { strategy: continueStrategy, k, controller: options.controller ?? defaultController };
}

/** `refine@k`: steered attempts, each built from the previous trace's findings. */
export function refine(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('refine', k);
  return { strategy: refineStrategy, k, controller: options.controller ?? defaultController };
}

/** `continueBest@k`: steered from the best checkpoint by checks. */
export function continueBest(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('continueBest', k);
  return { strategy: continueBestStrategy, k, controller: options.controller ?? defaultController };
}

/** `fanoutThenRefine@k`: ⌈k/2⌉ independent attempts, then refine from the best. */
export function fanoutThenRefine(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('fanoutThenRefine', k);
  return { strategy: fanoutThenRefineStrategy, k, controller: options.controller ?? defaultController };
}
