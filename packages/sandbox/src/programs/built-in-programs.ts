/**
 * The built-in strategies of `@ratchet/runtime`, written as sandbox programs: plain JavaScript a user
 * could write, using only `ctx`. Each makes the same cells as its native version under the same seed
 * (tested), so they are the examples the authoring model is shown, and the baseline a written program
 * is compared with. `bestByChecks` is the runtime's check-based selector, reproduced in the program.
 */

const ends = `/** Whether the controller ends the cell here (it may stop, or say 'stop' as its topology). */
function ends(ctx) {
  return ctx.stop() || ctx.topology() === 'stop';
}`;

const next = `/** Continue from \`attempt\` when the controller says refine and the worker can; else start fresh. */
function next(ctx, attempt, extra) {
  const continues = ctx.topology() === 'refine' && attempt.continuable;
  return continues ? { ...extra, from: attempt.attemptId } : extra;
}`;

const bestByChecks = `/** An attempt's standing by its checks: the mean check score, else the share passed, else null. */
function checkScore(attempt) {
  const scores = attempt.checks.map((check) => check.score).filter((score) => score !== null);
  if (scores.length > 0) return scores.reduce((sum, score) => sum + score, 0) / scores.length;
  const passes = attempt.checks.map((check) => check.passed).filter((passed) => passed !== null);
  if (passes.length > 0) return passes.filter(Boolean).length / passes.length;
  return null;
}

/** The attempt with the best check score; ties and unmeasured attempts go to the earliest. */
function bestByChecks(history) {
  let best;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const attempt of history) {
    const score = checkScore(attempt) ?? Number.NEGATIVE_INFINITY;
    if (best === undefined || score > bestScore) {
      best = attempt;
      bestScore = score;
    }
  }
  return best;
}`;

const blind = `export const name = 'blind';

/** One attempt, unsteered but for the controller's initial steer: the floor every other arm must beat. */
export default async function (ctx) {
  await ctx.shot();
}
`;

const random = `export const name = 'random';

/** k independent fresh attempts; the final output is the one with the best checks. The equal-compute control. */
export default async function (ctx) {
  for (let i = 0; i < ctx.k; i++) await ctx.shot();
}
`;

const continueFromLast = `export const name = 'continue';

${ends}

/** Each next attempt continues from the last one's checkpoint with no steer (no analyst call). */
export default async function (ctx) {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ends(ctx)) {
    last = await ctx.shot(last.continuable ? { from: last.attemptId } : {});
  }
}
`;

const refine = `export const name = 'refine';

${ends}

${next}

/** Each next attempt is steered by the previous attempt's findings, continuing from it when the topology says refine. */
export default async function (ctx) {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ends(ctx)) {
    last = await ctx.shot(next(ctx, last, { findings: await ctx.observe(last) }));
  }
}
`;

const continueBest = `export const name = 'continue-best';

${ends}

${next}

${bestByChecks}

/** Depth: each next attempt is steered from the best attempt so far (by checks), continuing from it when the topology says refine. */
export default async function (ctx) {
  await ctx.shot();
  while (ctx.history.length < ctx.k && !ends(ctx)) {
    const history = ctx.history;
    const best = bestByChecks(history.filter((attempt) => attempt.continuable)) ?? bestByChecks(history);
    if (!best) break;
    await ctx.shot(next(ctx, best, { findings: await ctx.observe(best) }));
  }
}
`;

const fanoutThenRefine = `export const name = 'fanout-then-refine';

${ends}

${next}

${bestByChecks}

/** Breadth, then depth: half of k independent attempts (rounded up), then refinement from the best of them. */
export default async function (ctx) {
  const fanout = Math.ceil(ctx.k / 2);
  for (let i = 0; i < fanout; i++) await ctx.shot();
  let last = bestByChecks(ctx.history);
  while (last && ctx.history.length < ctx.k && !ends(ctx)) {
    last = await ctx.shot(next(ctx, last, { findings: await ctx.observe(last) }));
  }
}
`;

/** The built-in strategies as program sources, by their config names. */
export const builtInProgramSources = Object.freeze({
  blind,
  random,
  continue: continueFromLast,
  refine,
  continueBest,
  fanoutThenRefine,
});
