import type { Controller } from '../contracts/controller';
import { RuntimeError } from '../contracts/runtime-error';
import { defaultController } from '../controllers/default-controller';
import { bestByChecks } from './choose-by-checks';
import { defineStrategy, type StrategyPlan } from './strategy';

function assertK(name: string, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RuntimeError(`${name}(k): k must be an integer ≥ 1, received ${k}`);
}

/** One attempt, unsteered: the floor every other arm must beat. */
export const blindStrategy = defineStrategy('blind', async (ctx) => {
  const attempt = await ctx.shot();
  ctx.choose(attempt.attemptId);
});

/** k independent attempts; the final output is the one with the best checks. The equal-compute control. */
export const randomStrategy = defineStrategy('random', async (ctx) => {
  for (let i = 0; i < ctx.k; i++) await ctx.shot();
  const best = bestByChecks(ctx.history);
  if (best) ctx.choose(best.attemptId);
});

/** Each next attempt starts fresh with a steer built from the previous attempt's findings. */
export const refineStrategy = defineStrategy('refine', async (ctx) => {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ctx.controller.stop(ctx.history)) {
    const topology = ctx.controller.topology(ctx.history);
    if (topology === 'stop') break;
    const steer = ctx.steerFrom(await ctx.observe(last));
    last = await ctx.shot(topology === 'refine' && last.continuable ? { steer, from: last.attemptId } : { steer });
  }
  const best = bestByChecks(ctx.history);
  if (best) ctx.choose(best.attemptId);
});

/** Depth: each next attempt continues from the best checkpoint so far (by checks), steered. */
export const continueBestStrategy = defineStrategy('continue-best', async (ctx) => {
  await ctx.shot();
  while (ctx.history.length < ctx.k && !ctx.controller.stop(ctx.history)) {
    const best = bestByChecks(ctx.history.filter((attempt) => attempt.continuable)) ?? bestByChecks(ctx.history);
    if (!best) break;
    const steer = ctx.steerFrom(await ctx.observe(best));
    await ctx.shot(best.continuable ? { steer, from: best.attemptId } : { steer });
  }
  const best = bestByChecks(ctx.history);
  if (best) ctx.choose(best.attemptId);
});

/** Breadth, then depth: ⌈k/2⌉ independent attempts, then refinement from the best of them. */
export const fanoutThenRefineStrategy = defineStrategy('fanout-then-refine', async (ctx) => {
  const fanout = Math.ceil(ctx.k / 2);
  for (let i = 0; i < fanout; i++) await ctx.shot();
  let last = bestByChecks(ctx.history);
  while (last && ctx.history.length < ctx.k && !ctx.controller.stop(ctx.history)) {
    const steer = ctx.steerFrom(await ctx.observe(last));
    last = await ctx.shot(last.continuable ? { steer, from: last.attemptId } : { steer });
  }
  const best = bestByChecks(ctx.history);
  if (best) ctx.choose(best.attemptId);
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

/** `refine@k`: steered attempts, each built from the previous trace's findings. */
export function refine(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('refine', k);
  return { strategy: refineStrategy, k, controller: options.controller ?? defaultController };
}

/** `continueBest@k`: continue from the best checkpoint by checks, steered. */
export function continueBest(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('continueBest', k);
  return { strategy: continueBestStrategy, k, controller: options.controller ?? defaultController };
}

/** `fanoutThenRefine@k`: ⌈k/2⌉ independent attempts, then refine from the best. */
export function fanoutThenRefine(k: number, options: { controller?: Controller } = {}): StrategyPlan {
  assertK('fanoutThenRefine', k);
  return { strategy: fanoutThenRefineStrategy, k, controller: options.controller ?? defaultController };
}
