import type { JsonValue, Steer } from '@ratchet/corpus';
import { type AttemptView, type Controller, defineController, type Finding, type TaskView } from '@ratchet/runtime';
import { z } from 'zod';
import { dslOperators } from './dsl-program';
import { dslTaskInputSchema } from './dsl-task-input';
import { exampleFeatures } from './example-features';
import { emptyLibrary, learnedLibrarySchema, libraryPriors } from './learned-library';
import { defaultSearchParameters, searchParametersSchema } from './search-parameters';
import { taskSignature } from './task-signature';

/** Operator → prior multiplier. Below 1 damps an operator; 10 is as far as one finding may push it. */
const boostsSchema = z.partialRecord(z.enum(dslOperators), z.number().positive().max(10));

/**
 * The dsl controller's parameter space: what the optimizer may propose. The bounds follow what the
 * worker accepts (a depth limit of 1–8, priors up to 1000, a focus weight of 1–100); an increment
 * above 3 would jump past most of the depths the search can finish within its budget.
 */
export const dslControllerSchema = z.strictObject({
  /** Added to the depth limit when the search exhausted everything within it. */
  depthIncrement: z.number().int().min(0).max(3),
  /** Added to the depth limit on a stall (0: answer a stall with prior boosts only). */
  stallDepthIncrement: z.number().int().min(0).max(3),
  /** The deepest limit a steer sets. */
  maxDepthCap: z.number().int().min(1).max(8),
  /** Prior multipliers when every failing example shares a feature. */
  featureBoosts: z.partialRecord(z.enum(exampleFeatures), boostsSchema),
  /** Prior multipliers on a stall: branch out to operators the chain search under-explores. */
  stallBoosts: boostsSchema,
  /** The largest prior a boost may reach. */
  maxPrior: z.number().min(1).max(1000),
  /** 'failing': focus the next attempt on the examples still failing; 'none': no focus. */
  focus: z.enum(['failing', 'none']),
  focusWeight: z.number().min(1).max(100),
  /** Stop once every visible example passes (the checks say so; the judge is never consulted). */
  stopOnVisiblePass: z.boolean(),
  /** The priors of a fresh attempt (attempt 0, a fanout), by operator; `{}` sends none. */
  initialPriors: z.partialRecord(z.enum(dslOperators), z.number().positive().max(1000)),
  /** The depth limit of a fresh attempt; null leaves the worker's default. */
  initialMaxDepth: z.number().int().min(1).max(8).nullable(),
  /**
   * What a learner extracted from certified attempts (`learnFromCorpus`): fragments every attempt's
   * search may apply as one step, and exemplars from which a fresh attempt's priors are drawn by the
   * task's relevance. Empty by default; a parametric step leaves it alone (the learner writes it).
   */
  library: learnedLibrarySchema.meta({ readOnly: true }),
});
export type DslControllerParameters = z.infer<typeof dslControllerSchema>;

/** The defaults: what `dslController` runs with until the optimizer learns better. */
export const dslControllerParameters: DslControllerParameters = {
  depthIncrement: 1,
  stallDepthIncrement: 0,
  maxDepthCap: 6,
  featureBoosts: {
    negative: { filter: 2, map: 1.5 },
    zero: { filter: 1.5, count: 1.5 },
    duplicates: { sort: 1.5, zipwith: 1.5 },
    long: { take: 2, drop: 2 },
    short: { head: 1.5, last: 1.5 },
  },
  stallBoosts: { zipwith: 1.5 },
  maxPrior: 20,
  focus: 'failing',
  focusWeight: 3,
  stopOnVisiblePass: true,
  initialPriors: {},
  initialMaxDepth: null,
  library: emptyLibrary,
};

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

/** The priors the last steer set; none when it set none (or was another controller's). */
function lastPriors(attempt: AttemptView | undefined): Record<string, number> {
  const previous = searchParametersSchema.safeParse(attempt?.steer?.parameters ?? {});
  return previous.success ? { ...previous.data.priors } : {};
}

/** `priors sum×5, map×1.5`: the boosted operators, for a steer's text. */
function describePriors(priors: Record<string, number>): string | null {
  const boosted = Object.entries(priors).filter(([, weight]) => weight !== 1);
  return boosted.length === 0 ? null : `priors ${boosted.map(([op, w]) => `${op}×${Number(w.toFixed(2))}`).join(', ')}`;
}

/** The library fragments the last steer carried (with this task's weights), if it carried any. */
function lastLibrary(attempt: AttemptView | undefined): Array<{ program: string; weight: number }> | null {
  const previous = searchParametersSchema.safeParse(attempt?.steer?.parameters ?? {});
  const library = previous.success ? previous.data.library : undefined;
  return library === undefined ? null : library.map((f) => ({ program: f.program, weight: f.weight ?? 1 }));
}

/**
 * What a fresh attempt is told: the learned depth limit and priors, and the library with this task's
 * weights (its priors multiplied in), or nothing when none is set.
 */
function initialSteer(task: TaskView, p: DslControllerParameters): Steer | null {
  const priors = { ...p.initialPriors } as Record<string, number>;
  const input = dslTaskInputSchema.safeParse(task.input);
  const relevant = input.success ? libraryPriors(p.library, taskSignature(input.data)) : libraryPriors(p.library, []);
  for (const [operator, prior] of Object.entries(relevant.priors)) {
    priors[operator] = Math.min(1000, (priors[operator] ?? 1) * prior);
  }
  const hasPriors = Object.keys(priors).length > 0;
  const library = relevant.fragments;
  if (p.initialMaxDepth === null && !hasPriors && library.length === 0) return null;
  const notes = [
    ...(p.initialMaxDepth === null ? [] : [`depth limit ${p.initialMaxDepth}`]),
    ...(hasPriors ? [describePriors(priors) ?? 'priors unchanged'] : []),
    ...(library.length === 0 ? [] : [`a library of ${library.length} learned fragments`]),
  ];
  return {
    text: `Start: ${notes.join('; ')}.`,
    parameters: {
      ...(p.initialMaxDepth === null ? {} : { maxDepth: p.initialMaxDepth }),
      ...(hasPriors ? { priors } : {}),
      ...(library.length === 0 ? {} : { library }),
    },
  };
}

function boost(priors: Record<string, number>, boosts: Record<string, number> | undefined, cap: number): void {
  for (const [operator, factor] of Object.entries(boosts ?? {})) {
    priors[operator] = Math.min(cap, (priors[operator] ?? 1) * factor);
  }
}

/**
 * Builds a dsl controller from parameters (the defaults, or ones the optimizer learned). A fresh
 * attempt gets the initial depth limit and priors when they are set; each next attempt is steered by
 * the last one's findings: deeper when the search was exhausted, priors boosted by what the failing
 * examples share and by stalls, focused on the failing examples. Priors carry over between steers.
 *
 * @throws {InvalidControllerError} when a parameter is outside `dslControllerSchema`, naming it.
 * @example
 * const controller = createDslController({ ...dslControllerParameters, depthIncrement: 2 });
 */
export function createDslController(parameters: DslControllerParameters = dslControllerParameters): Controller {
  return defineController({
    id: 'dsl-default',
    schema: dslControllerSchema,
    parameters,
    initial: (task, p) => initialSteer(task, p),
    steer(findings, history, p) {
      const last = history.at(-1);
      const priors = lastPriors(last);
      let maxDepth = lastDepth(last);
      const notes: string[] = [];
      const failing = evidenceOf(findings, 'failing-examples');
      const features = Array.isArray(failing?.features) ? failing.features.map(String) : [];
      for (const feature of features)
        boost(priors, p.featureBoosts[feature as keyof typeof p.featureBoosts], p.maxPrior);
      if (evidenceOf(findings, 'stall')) {
        boost(priors, p.stallBoosts, p.maxPrior);
        maxDepth += p.stallDepthIncrement;
      }
      if (evidenceOf(findings, 'exhausted')) maxDepth += p.depthIncrement;
      maxDepth = Math.min(Math.max(maxDepth, 1), p.maxDepthCap);
      const focus = p.focus === 'failing' && Array.isArray(failing?.examples) ? failing.examples.map(Number) : [];
      notes.push(`depth limit ${maxDepth}`);
      const boosted = describePriors(priors);
      if (boosted !== null) notes.push(boosted);
      if (focus.length > 0) notes.push(`focus on examples ${focus.join(', ')}`);
      const observed = findings.map((finding) => `- ${finding.claim}`);
      const text = [...(observed.length > 0 ? ['Observed:', ...observed] : []), `Next: ${notes.join('; ')}.`].join(
        '\n',
      );
      // The library stays the same within a cell (a changed library would restart the search).
      const library = lastLibrary(last) ?? p.library.fragments;
      return {
        text,
        parameters: {
          maxDepth,
          priors,
          focus,
          focusWeight: p.focusWeight,
          ...(library.length === 0 ? {} : { library }),
        },
      };
    },
    topology: () => 'refine',
    stop(history, p) {
      const checks = history.at(-1)?.checks ?? [];
      return p.stopOnVisiblePass && checks.length > 0 && checks.every((check) => check.passed === true);
    },
  });
}

/** The dsl family's default controller (id 'dsl-default'). */
export const dslController = createDslController();
