import { z } from 'zod';
import { type LibraryFragment, librarySchema } from './dsl-library';
import { DslOptionsError } from './dsl-options-error';
import { dslOperators } from './dsl-program';

/**
 * What a steer may set in `steer.parameters` to change how the dsl worker searches, and what the
 * worker declares as its `steerParameters`. Every field is optional. Keys it does not know (another
 * controller's) are ignored; a known key with an invalid value — a depth of 99, a prior for an
 * operator the language does not have — is refused, so the harness fails the run naming the field.
 */
export const searchParametersSchema = z.object({
  /** Deepest nesting of operators the search builds; changing it restarts the frontier. */
  maxDepth: z.number().int().min(1).max(8).optional(),
  /** Relative weight of each operator when the search picks what to try next (default 1 each). */
  priors: z.partialRecord(z.enum(dslOperators), z.number().positive().max(1000)).optional(),
  /** Indices of visible examples to focus on: near misses on them draw the search, and break ties. */
  focus: z.array(z.number().int().min(0).max(99)).max(100).optional(),
  /** How much a focused example counts compared with the others (default 3). */
  focusWeight: z.number().min(1).max(100).optional(),
  /**
   * Learned fragments the search applies as one step each, beside the operators; changing the set of
   * programs restarts the frontier (their weights only change what is tried next).
   */
  library: librarySchema.optional(),
});
export type SearchParametersInput = z.input<typeof searchParametersSchema>;

/** The parameters one search call runs with, defaults filled in. */
export interface SearchParameters {
  readonly maxDepth: number;
  readonly priors: Readonly<Record<string, number>>;
  readonly focus: readonly number[];
  readonly focusWeight: number;
  readonly library: readonly LibraryFragment[];
}

export const defaultSearchParameters: SearchParameters = {
  maxDepth: 4,
  priors: {},
  focus: [],
  focusWeight: 3,
  library: [],
};

/**
 * The parameters of one search: the defaults, overridden by what `raw` (a steer's parameters, or the
 * worker's own defaults) sets. Strict, like the harness's check of every steer.
 *
 * @throws {DslOptionsError} when a known parameter has an invalid value, naming it.
 * @example
 * dslSearchParameters({ maxDepth: 5, colour: 'red' }).maxDepth; // => 5
 * dslSearchParameters({ maxDepth: 99 }); // throws DslOptionsError: … maxDepth: Too big …
 */
export function dslSearchParameters(raw: unknown, defaults = defaultSearchParameters): SearchParameters {
  const parsed = searchParametersSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new DslOptionsError('dslWorker steer.parameters', parsed.error);
  const value = parsed.data;
  return {
    maxDepth: value.maxDepth ?? defaults.maxDepth,
    priors: { ...defaults.priors, ...value.priors },
    focus: value.focus ?? defaults.focus,
    focusWeight: value.focusWeight ?? defaults.focusWeight,
    library:
      value.library?.map((fragment) => ({ program: fragment.program, weight: fragment.weight ?? 1 })) ??
      defaults.library,
  };
}
