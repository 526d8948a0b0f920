import type { JsonValue } from '@ratchet/corpus';
import { defineController, type Finding, type History } from '@ratchet/runtime';
import { satSteerParametersSchema } from './sat-search-settings';

/** What the optimizer learns: how a sat attempt is steered from the last one's findings. */
export const satControllerParameters = {
  /** Noise of the first steered attempt. */
  noise: 0.5,
  /** Added to the noise after an attempt that got stuck, up to `maxNoise`. */
  stuckNoiseStep: 0.05,
  maxNoise: 0.7,
  /** Clause focus after an attempt that got stuck: 'uniform' or 'oldest'. */
  stuckFocus: 'oldest',
  /** Flips between restarts (null: never); dropped once restarts are seen not to help. */
  restartEvery: null,
  restartFrom: 'best',
  /** Stop the cell once an attempt satisfies every clause (its check passed): saves compute. */
  stopWhenSolved: true,
} satisfies Record<string, JsonValue>;

function rulesOf(findings: readonly Finding[]): Set<string> {
  const rules = findings.map((finding) => (finding.evidence as { rule?: unknown } | null)?.rule);
  return new Set(rules.filter((rule): rule is string => typeof rule === 'string'));
}

/**
 * The sat family's default controller ('sat-default'): continue from the best assignment; when the
 * search got stuck, raise the noise a step and focus on the longest-unsatisfied clauses; when
 * restarts never helped, stop restarting. Settings carry over from the previous steer.
 *
 * @example
 * runBenchmark({ ...satBenchmark({ count: 10 }), arms: [{ id: 'refine', ...refine(2, { controller: satController }) }] });
 */
export const satController = defineController({
  id: 'sat-default',
  parameters: satControllerParameters,
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
      focus = p.stuckFocus === 'oldest' ? 'oldest' : 'uniform';
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
    return {
      text,
      parameters: { noise, focus, restartEvery, restartFrom: p.restartFrom === 'best' ? 'best' : 'random' },
    };
  },
  topology: () => 'refine',
  stop: (history: History, p) => p.stopWhenSolved && (history.at(-1)?.checks.every((check) => check.passed) ?? false),
});
