import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import type { StrategyPlan } from '@ratchet/runtime';
import { OptimizerError } from '../optimizer-error';
import { type FlywheelGeneration, runGeneration } from './flywheel-generation';
import type { FlywheelOptions } from './flywheel-options';
import { recordDecision } from './flywheel-records';
import { type FlywheelVerdict, flywheelVerdict } from './flywheel-verdict';

export interface FlywheelResult extends FlywheelVerdict {
  readonly flywheelId: string;
  readonly baseline: string;
  readonly generations: readonly FlywheelGeneration[];
}

/** What a plan spends per cell: the strategy, k and caps that must be the same for both arms. */
function computeOf(plan: StrategyPlan): string {
  return canonicalJson({ strategy: plan.strategy.name, k: plan.k, limits: (plan.limits ?? {}) as JsonValue });
}

/**
 * The flywheel test (Gate B). Generations 0..G each draw fresh tasks from one family (seed `<seed>-g<g>`):
 * train tasks to learn from and evaluation tasks to measure on, never the same. At generation g the
 * learned arm runs a controller learned from the runs of generations before g only (generation 0: the
 * baseline); the frozen arm runs the baseline on the same draw, with the same plan, so k and every cap are
 * equal (refused otherwise). Every generation's cells, library and decision (a `flywheel` record, and one for
 * the verdict) are in the corpus; run ids come from the
 * flywheel's definition, so the same call resumes where it was stopped. Returns each generation's
 * success per arm, the slopes over generations and the verdict (`flywheelVerdict`).
 *
 * @throws {OptimizerError} when the family has no miner, the sizes are out of range, or the plan gives the
 *   two arms different compute.
 * @example
 * const result = await flywheel({ corpus, family: dslFamily, options: { domain: 1 }, generations: 5,
 *   evaluationTasks: 100, plan: (c) => refine(4, { controller: c }), seed: 1 });
 * result.sentence; // => 'The flywheel turned: …' or 'The flywheel did not turn: …'
 */
export async function flywheel(options: FlywheelOptions): Promise<FlywheelResult> {
  const { family } = options;
  if (family.miner === undefined) {
    throw new OptimizerError(`flywheel: the family "${family.id}" has no miner, so there is nothing to learn`);
  }
  if (!Number.isInteger(options.generations) || options.generations < 1) {
    throw new OptimizerError(`flywheel: generations must be a whole number ≥ 1, received ${options.generations}`);
  }
  if (!Number.isInteger(options.evaluationTasks) || options.evaluationTasks < 2) {
    throw new OptimizerError(
      `flywheel: evaluationTasks must be a whole number ≥ 2, received ${options.evaluationTasks}`,
    );
  }
  const instance = family.create({ ...options.options, seed: `${options.seed}-g0`, count: 5 });
  const baseline = options.baseline ?? instance.controller('baseline');
  await instance.close();
  const flywheelId = `fly-${createHash('sha256')
    .update(
      canonicalJson({
        family: family.id,
        options: options.options as JsonValue,
        generations: options.generations,
        evaluationTasks: options.evaluationTasks,
        seed: options.seed,
        baseline: baseline.hash,
        plan: computeOf(options.plan(baseline)),
        learner: (options.learnerSettings ?? null) as JsonValue,
        ...(options.label === undefined ? {} : { label: options.label }),
      }),
    )
    .digest('hex')
    .slice(0, 12)}`;
  const generations: FlywheelGeneration[] = [];
  const priorRuns: string[] = [];
  const priorInputs = new Map<string, JsonValue>();
  for (let generation = 0; generation <= options.generations; generation++) {
    const { result, inputs } = await runGeneration(options, {
      flywheelId,
      generation,
      baseline,
      priorRuns,
      priorInputs,
      assertMatched: (learned) => {
        const [a, b] = [computeOf(options.plan(baseline)), computeOf(options.plan(learned))];
        if (a !== b) {
          throw new OptimizerError(
            `flywheel: the plan gives the arms different compute at generation ${generation} (frozen ${a}, learned ${b}); both arms must run with the same strategy, k and caps`,
          );
        }
      },
    });
    await recordDecision(options.corpus, { flywheelId, benchmark: family.id, generation, decision: result });
    generations.push(result);
    priorRuns.push(result.runId);
    for (const [id, input] of inputs) priorInputs.set(id, input);
  }
  options.onProgress?.({ generation: options.generations, generations: options.generations, phase: 'done' });
  const verdict = flywheelVerdict(generations, {
    seed: options.seed,
    ...(options.resamples === undefined ? {} : { resamples: options.resamples }),
  });
  await recordDecision(options.corpus, { flywheelId, benchmark: family.id, generation: null, decision: verdict });
  return { flywheelId, baseline: baseline.hash, generations, ...verdict };
}
