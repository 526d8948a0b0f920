import { z } from 'zod';
import { fragmentProblem, maxLibraryFragments } from './dsl-library';
import { dslOperators } from './dsl-program';
import { signatureSimilarity, taskSignatureSize } from './task-signature';

/** The most exemplars a library keeps: each is a few numbers, compared with every task the controller starts. */
export const maxLibraryExemplars = 500;

/**
 * Bandwidth of the relevance kernel over task signatures, fixed before anything was measured with it:
 * tasks whose signatures differ by 0.25 in one feature weigh e^-0.5 ≈ 0.61 of an identical one. A library
 * may carry its own (`relevanceWidth`), as a learner's meta-search chooses.
 */
export const relevanceWidth = 0.25;

/** Pseudo-exemplars of uniform usage that smooth a task's priors (default 1); a library may carry its own. */
export const priorSmoothing = 1;

/** A `uses` key: an operator, or `#i` for the library's fragment i. */
const useKey = /^#(\d+)$/;

/**
 * What a learner hands the dsl controller (its `library` parameter): fragments the search applies as
 * one step, and exemplars — one per certified task, its signature, the productions its program used,
 * and a recency weight — from which the controller derives each task's priors by relevance.
 */
export const learnedLibrarySchema = z
  .strictObject({
    fragments: z
      .array(
        z
          .strictObject({ program: z.string().min(1).max(1000), weight: z.number().positive().max(1000) })
          .superRefine((fragment, ctx) => {
            const problem = fragmentProblem(fragment.program);
            if (problem !== null) ctx.addIssue({ code: 'custom', path: ['program'], message: problem });
          }),
      )
      .max(maxLibraryFragments),
    exemplars: z
      .array(
        z.strictObject({
          signature: z.array(z.number().min(0).max(1)).length(taskSignatureSize),
          uses: z.record(z.string(), z.number().nonnegative()),
          weight: z.number().positive().max(1),
        }),
      )
      .max(maxLibraryExemplars),
    /** The relevance kernel's bandwidth for this library (default `relevanceWidth`). */
    relevanceWidth: z.number().min(0.01).max(10).exactOptional(),
    /** Uniform pseudo-exemplars smoothing each task's priors (default `priorSmoothing`). */
    smoothing: z.number().min(0).max(100).exactOptional(),
  })
  .superRefine((library, ctx) => {
    library.exemplars.forEach((exemplar, i) => {
      for (const key of Object.keys(exemplar.uses)) {
        const fragment = useKey.exec(key);
        const known = fragment
          ? Number(fragment[1]) < library.fragments.length
          : (dslOperators as readonly string[]).includes(key);
        if (!known) {
          ctx.addIssue({
            code: 'custom',
            path: ['exemplars', i, 'uses', key],
            message: `"${key}" is neither an operator nor a fragment of this library (#0–#${library.fragments.length - 1})`,
          });
        }
      }
    });
  });
export type LearnedLibrary = z.infer<typeof learnedLibrarySchema>;

export const emptyLibrary: LearnedLibrary = { fragments: [], exemplars: [] };

/** The clamp on a derived prior: far enough to matter, not so far that an operator is never tried. */
const priorRange = [0.1, 20] as const;

/**
 * The priors of one task: each production's share of the uses of the exemplars, weighted by recency
 * and by relevance (kernel similarity of signatures), smoothed towards uniform by `smoothing` pseudo-exemplars (1),
 * and scaled so a uniform share is 1 (the worker's default). Without exemplars every operator keeps 1
 * and every fragment its learned weight.
 *
 * @example
 * libraryPriors(emptyLibrary, [0, 0.5, 1, 1, 0]); // => { priors: {}, fragments: [] }
 */
export function libraryPriors(
  library: LearnedLibrary,
  signature: readonly number[],
): { priors: Record<string, number>; fragments: Array<{ program: string; weight: number }> } {
  if (library.exemplars.length === 0) return { priors: {}, fragments: library.fragments.map((f) => ({ ...f })) };
  const keys = [...dslOperators, ...library.fragments.map((_, i) => `#${i}`)];
  const mass = new Map<string, number>();
  let total = 0;
  for (const exemplar of library.exemplars) {
    const uses = Object.values(exemplar.uses).reduce((sum, n) => sum + n, 0);
    if (uses === 0) continue;
    const width = library.relevanceWidth ?? relevanceWidth;
    const relevance = exemplar.weight * signatureSimilarity(exemplar.signature, signature, width);
    total += relevance;
    for (const [key, n] of Object.entries(exemplar.uses)) mass.set(key, (mass.get(key) ?? 0) + (relevance * n) / uses);
  }
  const prior = (key: string) => {
    const smoothing = library.smoothing ?? priorSmoothing;
    // With no smoothing and no relevant exemplar, every share is 0/0: uniform is the only honest prior.
    const share =
      total + smoothing === 0
        ? 1 / keys.length
        : ((mass.get(key) ?? 0) + smoothing / keys.length) / (total + smoothing);
    return Number(Math.min(priorRange[1], Math.max(priorRange[0], share * keys.length)).toFixed(4));
  };
  const priors: Record<string, number> = {};
  for (const operator of dslOperators) priors[operator] = prior(operator);
  return { priors, fragments: library.fragments.map((f, i) => ({ program: f.program, weight: prior(`#${i}`) })) };
}
