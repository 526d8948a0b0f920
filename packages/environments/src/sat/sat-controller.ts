import type { Steer } from '@ratchet/corpus';
import { defineController, type Finding, type History, type TaskView } from '@ratchet/runtime';
import { z } from 'zod';
import { type SatClassSettings, satClassSettingsMapSchema } from './sat-class-settings';
import { satInstanceClass } from './sat-instance-class';
import { satSteerParametersSchema } from './sat-search-settings';

/**
 * The sat controller's parameter space: what the optimizer may propose. Noise is a probability; a
 * step above 0.5 would jump from the default to pure random walk in one stuck attempt.
 */
export const satControllerSchema = z.strictObject({
  /** Noise of the first steered attempt. */
  noise: z.number().min(0).max(1),
  /** Added to the noise after an attempt that got stuck, up to `maxNoise`. */
  stuckNoiseStep: z.number().min(0).max(0.5),
  /** The noise a stuck attempt raises it to at most. */
  maxNoise: z.number().min(0).max(1),
  /** Clause focus after an attempt that got stuck. */
  stuckFocus: z.enum(['uniform', 'oldest']),
  /** Flips between restarts (null: never); dropped once restarts are seen not to help. */
  restartEvery: z.number().int().min(1).max(100_000_000).nullable(),
  restartFrom: z.enum(['random', 'best']),
  /** Stop the cell once an attempt satisfies every clause (its check passed): saves compute. */
  stopWhenSolved: z.boolean(),
  /**
   * Search settings by instance class (`satInstanceClass`), e.g. mined by `mineSatSettings`: a fresh
   * attempt on a task of a listed class is told them, and later steers carry them on. `{}`: none.
   */
  classSettings: satClassSettingsMapSchema,
});
export type SatControllerParameters = z.infer<typeof satControllerSchema>;

/** The defaults: what `satController` runs with until the optimizer learns better. */
export const satControllerParameters: SatControllerParameters = {
  noise: 0.5,
  stuckNoiseStep: 0.05,
  maxNoise: 0.7,
  stuckFocus: 'oldest',
  restartEvery: null,
  restartFrom: 'best',
  stopWhenSolved: true,
  classSettings: {},
};

const twoDecimals = (value: number) => value.toFixed(2);

/** A fresh attempt's steer: its class's settings, or none (the worker's defaults) when its class has none. */
function initialSteer(task: TaskView, p: SatControllerParameters): Steer | null {
  const instanceClass = satInstanceClass(task.input);
  const settings: SatClassSettings | undefined = instanceClass === null ? undefined : p.classSettings[instanceClass];
  if (settings === undefined) return null;
  const restarts = settings.restartEvery === null ? 'no restarts' : `restart every ${settings.restartEvery} flips`;
  const weighting = settings.weighting === 'additive' ? 'additive clause weighting' : 'no clause weighting';
  return {
    text: `Search settings for ${instanceClass} formulas: noise ${twoDecimals(settings.noise)}, ${restarts}, ${weighting}.`,
    parameters: { ...settings, restartFrom: p.restartFrom },
  };
}

function rulesOf(findings: readonly Finding[]): Set<string> {
  const rules = findings.map((finding) => (finding.evidence as { rule?: unknown } | null)?.rule);
  return new Set(rules.filter((rule): rule is string => typeof rule === 'string'));
}

/**
 * The sat family's default controller ('sat-default'): continue from the best assignment; when the
 * search got stuck, raise the noise a step and focus on the longest-unsatisfied clauses; when
 * restarts never helped, stop restarting. Settings carry over from the previous steer. A fresh attempt
 * on a task whose instance class has settings in `classSettings` starts with them (noise, restarts,
 * clause weighting); with `classSettings: {}` it gets no steer, as before the map existed.
 *
 * @example
 * const sat = satFamily.create({ count: 10 });
 * runBenchmark({ ...sat, corpus, arms: [{ id: 'random', ...random(2) }, { id: 'refine', ...refine(2, { controller: satController }) }] });
 */
export const satController = defineController({
  id: 'sat-default',
  schema: satControllerSchema,
  parameters: satControllerParameters,
  initial: initialSteer,
  steer(findings, history, p) {
    const previous = satSteerParametersSchema.safeParse(history.at(-1)?.steer?.parameters ?? {});
    const before = previous.success ? previous.data : {};
    const rules = rulesOf(findings);
    let noise = before.noise ?? p.noise;
    let focus = before.focus ?? 'uniform';
    let restartEvery = before.restartEvery === undefined ? p.restartEvery : before.restartEvery;
    const said: string[] = [];
    if (rules.has('stuck')) {
      noise = Math.min(p.maxNoise, noise + p.stuckNoiseStep);
      focus = p.stuckFocus;
      said.push(`The search got stuck: noise ${noise.toFixed(2)}, focus on ${focus} unsatisfied clauses.`);
    }
    if (rules.has('restarts-never-improved')) {
      restartEvery = null;
      said.push('Restarts never improved the best: no restarts.');
    }
    const text = [
      'Continue the local search from the best assignment so far.',
      ...findings.slice(0, 3).map((finding) => `- ${finding.claim}`),
      ...said,
    ].join('\n');
    // Weighting carries over like the rest (a class's settings set it); absent, the worker's default (none) applies.
    const weighting = before.weighting === undefined ? {} : { weighting: before.weighting };
    return {
      text,
      parameters: { noise, focus, restartEvery, restartFrom: p.restartFrom, ...weighting },
    };
  },
  topology: () => 'refine',
  stop: (history: History, p) => p.stopWhenSolved && (history.at(-1)?.checks.every((check) => check.passed) ?? false),
});
