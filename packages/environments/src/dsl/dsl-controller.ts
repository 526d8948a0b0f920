import type { JsonValue } from '@ratchet/corpus';
import { type AttemptView, defineController, type Finding } from '@ratchet/runtime';
import { defaultSearchParameters, readSearchParameters } from './search-parameters';

/** Operator prior multipliers, by operator name. */
type Boosts = { [operator: string]: number };

/**
 * What the optimizer learns for the dsl family: how the search parameters respond to each finding.
 * Kept as plain JSON so the parameters hash into the controller's identity.
 */
export const dslControllerParameters = {
  /** Added to the depth limit when the search exhausted everything within it. */
  depthIncrement: 1,
  /** Added to the depth limit on a stall (0: answer a stall with prior boosts only). */
  stallDepthIncrement: 0,
  maxDepthCap: 6,
  /** Prior multipliers when every failing example shares a feature. */
  featureBoosts: {
    negative: { filter: 2, map: 1.5 },
    zero: { filter: 1.5, count: 1.5 },
    duplicates: { sort: 1.5, zipwith: 1.5 },
    long: { take: 2, drop: 2 },
    short: { head: 1.5, last: 1.5 },
  } as { [feature: string]: Boosts },
  /** Prior multipliers on a stall: branch out to operators the chain search under-explores. */
  stallBoosts: { zipwith: 1.5 } as Boosts,
  maxPrior: 20,
  /** 'failing': focus the next attempt on the examples still failing; 'none': no focus. */
  focus: 'failing' as 'failing' | 'none',
  focusWeight: 3,
  /** Stop once every visible example passes (the checks say so; the judge is never consulted). */
  stopOnVisiblePass: true,
};
export type DslControllerParameters = typeof dslControllerParameters;

function evidenceOf(findings: readonly Finding[], kind: string): { [key: string]: JsonValue } | undefined {
  for (const finding of findings) {
    const evidence = finding.evidence;
    if (typeof evidence === 'object' && evidence !== null && !Array.isArray(evidence) && evidence.kind === kind) {
      return evidence;
    }
  }
  return undefined;
}

/** The depth limit the last attempt ran with, as its trace reports it. */
function lastDepth(attempt: AttemptView | undefined): number {
  const output = attempt?.events.find((event) => event.type === 'output')?.data as { maxDepth?: unknown } | undefined;
  return typeof output?.maxDepth === 'number' ? output.maxDepth : defaultSearchParameters.maxDepth;
}

function boost(priors: Record<string, number>, boosts: Boosts | undefined, cap: number): void {
  for (const [operator, factor] of Object.entries(boosts ?? {})) {
    priors[operator] = Math.min(cap, (priors[operator] ?? 1) * factor);
  }
}

/**
 * Builds a dsl controller from parameters (the defaults, or ones the optimizer learned).
 *
 * @example
 * const controller = createDslController({ ...dslControllerParameters, depthIncrement: 2 });
 */
export function createDslController(parameters: DslControllerParameters = dslControllerParameters) {
  return defineController({
    id: 'dsl-default',
    parameters: parameters as unknown as Record<string, JsonValue>,
    steer(findings, history) {
      const last = history.at(-1);
      const previous = readSearchParameters(last?.steer?.parameters).parameters;
      const priors = { ...previous.priors };
      let maxDepth = lastDepth(last);
      const notes: string[] = [];
      const failing = evidenceOf(findings, 'failing-examples');
      const features = Array.isArray(failing?.features) ? failing.features.map(String) : [];
      for (const feature of features) boost(priors, parameters.featureBoosts[feature], parameters.maxPrior);
      if (evidenceOf(findings, 'stall')) {
        boost(priors, parameters.stallBoosts, parameters.maxPrior);
        maxDepth += parameters.stallDepthIncrement;
      }
      if (evidenceOf(findings, 'exhausted')) maxDepth += parameters.depthIncrement;
      maxDepth = Math.min(Math.max(maxDepth, 1), parameters.maxDepthCap);
      const focus =
        parameters.focus === 'failing' && Array.isArray(failing?.examples) ? failing.examples.map(Number) : [];
      notes.push(`depth limit ${maxDepth}`);
      const boosted = Object.entries(priors).filter(([, weight]) => weight !== 1);
      if (boosted.length > 0)
        notes.push(`priors ${boosted.map(([op, w]) => `${op}×${Number(w.toFixed(2))}`).join(', ')}`);
      if (focus.length > 0) notes.push(`focus on examples ${focus.join(', ')}`);
      const observed = findings.map((finding) => `- ${finding.claim}`);
      const text = [...(observed.length > 0 ? ['Observed:', ...observed] : []), `Next: ${notes.join('; ')}.`].join(
        '\n',
      );
      return { text, parameters: { maxDepth, priors, focus, focusWeight: parameters.focusWeight } };
    },
    topology: () => 'refine',
    stop(history) {
      const checks = history.at(-1)?.checks ?? [];
      return parameters.stopOnVisiblePass && checks.length > 0 && checks.every((check) => check.passed === true);
    },
  });
}

/** The dsl family's default controller (id 'dsl-default'). */
export const dslController = createDslController();
