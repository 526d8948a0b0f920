import { z } from 'zod';
import { dslOperators } from './dsl-program';

/**
 * What a steer may set in `steer.parameters` to change how the dsl worker searches. Every field is
 * optional; unknown keys are dropped, and so is any field that fails validation (reported, not fatal).
 */
export const searchParametersSchema = z.object({
  /** Deepest nesting of operators the search builds; changing it restarts the frontier. */
  maxDepth: z.number().int().min(1).max(8).optional(),
  /** Relative weight of each operator when the search picks what to try next (default 1 each). */
  priors: z
    .record(z.string(), z.number().positive().max(1000))
    .transform((priors) => Object.fromEntries(Object.entries(priors).filter(([op]) => isOperator(op))))
    .optional(),
  /** Indices of visible examples to focus on: near misses on them draw the search, and break ties. */
  focus: z.array(z.number().int().min(0).max(99)).max(100).optional(),
  /** How much a focused example counts compared with the others (default 3). */
  focusWeight: z.number().min(1).max(100).optional(),
});
export type SearchParametersInput = z.input<typeof searchParametersSchema>;

/** The parameters one search call runs with, defaults filled in. */
export interface SearchParameters {
  readonly maxDepth: number;
  readonly priors: Readonly<Record<string, number>>;
  readonly focus: readonly number[];
  readonly focusWeight: number;
}

export const defaultSearchParameters: SearchParameters = { maxDepth: 4, priors: {}, focus: [], focusWeight: 3 };

function isOperator(name: string): boolean {
  return (dslOperators as readonly string[]).includes(name);
}

/**
 * Reads steer parameters leniently: a steer is produced by a controller the optimizer is learning, so
 * one bad field must not turn an attempt into a failure. Fields that fail validation fall back to the
 * defaults and are named in `ignored`.
 *
 * @example
 * readSearchParameters({ maxDepth: 5, colour: 'red' }).parameters.maxDepth; // => 5
 */
export function readSearchParameters(
  raw: unknown,
  defaults: SearchParameters = defaultSearchParameters,
): { parameters: SearchParameters; ignored: string[] } {
  const source = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...raw } : {};
  const ignored: string[] = [];
  let parsed = searchParametersSchema.safeParse(source);
  while (!parsed.success) {
    const key = String(parsed.error.issues[0]?.path[0] ?? '');
    if (!(key in source)) break;
    ignored.push(key);
    delete (source as Record<string, unknown>)[key];
    parsed = searchParametersSchema.safeParse(source);
  }
  const value = parsed.success ? parsed.data : {};
  return {
    parameters: {
      maxDepth: value.maxDepth ?? defaults.maxDepth,
      priors: { ...defaults.priors, ...value.priors },
      focus: value.focus ?? defaults.focus,
      focusWeight: value.focusWeight ?? defaults.focusWeight,
    },
    ignored,
  };
}
