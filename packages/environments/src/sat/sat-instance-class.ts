import { z } from 'zod';

/** Size bands by variable count; the cut points are the ones of the family's difficulty label. */
const sizeBands = [
  { band: 'small', upTo: 60 },
  { band: 'medium', upTo: 110 },
  { band: 'large', upTo: Number.POSITIVE_INFINITY },
] as const;

/**
 * Ratio bands by clauses per variable around the random 3-SAT threshold (≈ 4.26): below it formulas
 * are easy and mostly satisfiable, near it local search works hardest, above it they are
 * over-constrained (planted ones stay satisfiable but have fewer solutions).
 */
const ratioBands = [
  { band: 'under', below: 3.9 },
  { band: 'threshold', below: 4.5 },
  { band: 'over', below: Number.POSITIVE_INFINITY },
] as const;

/** Every instance class: a size band and a ratio band, e.g. `medium/threshold`. */
export const satInstanceClasses = sizeBands.flatMap(({ band: size }) =>
  ratioBands.map(({ band: ratio }) => `${size}/${ratio}` as const),
);
export type SatInstanceClass = (typeof satInstanceClasses)[number];

/** The part of a task input the class is computed from: the public formula's counts, nothing else. */
const formulaCountsSchema = z.object({
  variables: z.number().int().min(1),
  clauses: z.array(z.unknown()),
});

/**
 * The instance class of a sat task from what a controller may see (the task input: its variable
 * count and clauses per variable), never from the judge or the planted solution. Null when the input
 * is not a formula (another family's task).
 *
 * @example
 * satInstanceClass({ variables: 100, clauses: Array(420).fill([1, 2, 3]) }); // => 'medium/threshold'
 * satInstanceClass({ prompt: 'hi' }); // => null
 */
export function satInstanceClass(input: unknown): SatInstanceClass | null {
  const parsed = formulaCountsSchema.safeParse(input);
  if (!parsed.success) return null;
  const { variables, clauses } = parsed.data;
  const ratio = clauses.length / variables;
  const size = sizeBands.find((band) => variables <= band.upTo)?.band ?? 'large';
  const band = ratioBands.find((one) => ratio < one.below)?.band ?? 'over';
  return `${size}/${band}`;
}
