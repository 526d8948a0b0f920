import type { Verdict } from '@ratchet/corpus';
import { z } from 'zod';
import { InvalidOptionsError } from './invalid-options-error';
import type { Judge, JudgeContext, JudgeTask } from './judge';
import { parseOptions } from './parse-options';

/** One item to re-judge: a task and the output under judgement. */
export interface StabilitySample<TOutput = unknown> {
  task: JudgeTask;
  output: TOutput;
}

const optionsSchema = z.strictObject({
  /** How many times each item is judged (default 5, at least 2). */
  repeats: z.number().int().min(2).max(1000).default(5),
  /** Smallest agreement that counts as stable (default 0.9). */
  threshold: z.number().min(0).max(1).default(0.9),
  /** Context passed to every judging call. */
  context: z.custom<JudgeContext>((value) => typeof value === 'object' && value !== null).optional(),
});
export type StabilityOptions = z.input<typeof optionsSchema>;

/** How one item fared across repeats. */
export interface ItemStability {
  taskId: string;
  /** `resolved` of each repeat, in order. */
  resolved: boolean[];
  /** True when every repeat gave the same `resolved`. */
  agrees: boolean;
  /** Per objective, max − min of the repeats' values (nulls left out; null when every value was null). */
  scoreSpread: Record<string, number | null>;
}

/** How stable a judge is on a sample. */
export interface JudgeStability {
  judgeId: string;
  repeats: number;
  threshold: number;
  /** Share of items whose `resolved` agreed across every repeat. */
  agreement: number;
  /** True when `agreement` is below `threshold`: do not trust this judge's verdicts as they are. */
  unstable: boolean;
  /** Per objective, the mean and the largest item spread (null when no item had a value). */
  scoreSpread: Record<string, { mean: number | null; max: number | null }>;
  items: ItemStability[];
}

/**
 * Re-judges every sample `repeats` times and reports how far the verdicts agree: the share of items
 * whose `resolved` is the same on every repeat, and the spread (max − min) of each objective. Flags
 * the judge `unstable` when agreement is below `threshold`. Calls run one after another, in sample
 * order; an infra error from the judge propagates.
 *
 * @throws {InvalidOptionsError} when `samples` is empty, `repeats` < 2 or `threshold` is outside [0, 1].
 * @example
 * const report = await measureJudgeStability(judge, samples, { repeats: 5, threshold: 0.9 });
 * // => { agreement: 0.8, unstable: true, scoreSpread: { score: { mean: 0.12, max: 0.4 } }, items: […], … }
 */
export async function measureJudgeStability<TOutput>(
  judge: Judge<TOutput>,
  samples: readonly StabilitySample<TOutput>[],
  options: StabilityOptions = {},
): Promise<JudgeStability> {
  const { repeats, threshold, context } = parseOptions('measureJudgeStability', optionsSchema, options);
  if (samples.length === 0) {
    throw new InvalidOptionsError({
      functionName: 'measureJudgeStability',
      issues: [{ path: 'samples', message: 'must hold at least one sample' }],
    });
  }

  const items: ItemStability[] = [];
  for (const sample of samples) {
    const verdicts: Verdict[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      verdicts.push(await judge.judge(sample.task, sample.output, context));
    }
    const resolved = verdicts.map((verdict) => verdict.resolved);
    const objectives = new Set(verdicts.flatMap((verdict) => Object.keys(verdict.scores)));
    const scoreSpread: Record<string, number | null> = {};
    for (const objective of objectives) {
      const values = verdicts
        .map((verdict) => verdict.scores[objective]?.value)
        .filter((value): value is number => typeof value === 'number');
      scoreSpread[objective] = values.length === 0 ? null : Math.max(...values) - Math.min(...values);
    }
    items.push({ taskId: sample.task.id, resolved, agrees: resolved.every((r) => r === resolved[0]), scoreSpread });
  }

  const agreement = items.filter((item) => item.agrees).length / items.length;
  const scoreSpread: JudgeStability['scoreSpread'] = {};
  for (const objective of new Set(items.flatMap((item) => Object.keys(item.scoreSpread)))) {
    const spreads = items.map((item) => item.scoreSpread[objective]).filter((s): s is number => typeof s === 'number');
    scoreSpread[objective] =
      spreads.length === 0
        ? { mean: null, max: null }
        : { mean: spreads.reduce((sum, s) => sum + s, 0) / spreads.length, max: Math.max(...spreads) };
  }
  return { judgeId: judge.id, repeats, threshold, agreement, unstable: agreement < threshold, scoreSpread, items };
}
