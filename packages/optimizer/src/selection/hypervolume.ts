import type { ObjectiveSpec } from '../score-matrix';
import { assertObjectives } from './score-values';
import { SelectionError } from './selection-error';

/**
 * The hypervolume of a front: the measure of the objective-space region that some point of the front
 * dominates and that itself dominates the reference point (Zitzler & Thiele 1998). One number that grows
 * when the front moves outward or spreads, so two fronts can be compared without picking weights.
 *
 * The reference point is stated, never inferred from the front: for a `maximize` objective it is a
 * lower bound (say 0 successes), for a `minimize` one an upper bound (say the dollar cap). A point that
 * is not strictly beyond the reference on every objective encloses no volume and adds nothing.
 *
 * Exact in any dimension by hypervolume-by-slicing-objectives (HSO, While et al. 2006): cut the space
 * into slabs between consecutive values of the last objective and add each slab's thickness times the
 * hypervolume of the points above it, one dimension down. Exponential in the dimension, which is fine
 * for the few objectives and small fronts of a search; dominated points in the input change nothing.
 *
 * @param points - objective vectors by name (such as `CandidatePoint.means`); every objective measured.
 * @param objectives - the objectives, each with its direction.
 * @param reference - the reference value of every objective.
 * @throws {SelectionError} `invalid-reference` when the reference lacks an objective or is not finite;
 *   `invalid-scores` when a point's value is null, NaN or infinite (drop unmeasured points first);
 *   `invalid-objectives` for an empty or repeated objective list.
 * @example
 * hypervolume([{ x: 3, y: 1 }, { x: 1, y: 3 }], [{ name: 'x', direction: 'maximize' }, { name: 'y', direction: 'maximize' }],
 *   { x: 0, y: 0 }); // => 5 (two 3×1 boxes overlapping in a 1×1 square)
 */
export function hypervolume(
  points: readonly Readonly<Record<string, number | null>>[],
  objectives: readonly ObjectiveSpec[],
  reference: Readonly<Record<string, number>>,
): number {
  assertObjectives('hypervolume', objectives);
  for (const { name } of objectives) {
    const value = Object.hasOwn(reference, name) ? reference[name] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new SelectionError({
        functionName: 'hypervolume',
        problem: 'invalid-reference',
        message: `reference value of objective "${name}" is ${String(value)}; state a finite bound for every objective (a lower bound to maximize, an upper bound to minimize).`,
      });
    }
  }

  // Gains beyond the reference, as if every objective were maximized with the reference at the origin.
  const gains: number[][] = [];
  points.forEach((point, index) => {
    const gain = objectives.map(({ name, direction }) => {
      const value = Object.hasOwn(point, name) ? point[name] : undefined;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new SelectionError({
          functionName: 'hypervolume',
          problem: 'invalid-scores',
          message: `point ${index}, objective "${name}" is ${String(value)}; every point needs a finite value on every objective (leave unmeasured points out).`,
        });
      }
      const bound = reference[name] as number;
      return direction === 'maximize' ? value - bound : bound - value;
    });
    if (gain.every((g) => g > 0)) gains.push(gain);
  });
  return sliceVolume(gains, objectives.length);
}

/** HSO over the first `dimension` coordinates of points that are all positive (reference at the origin). */
function sliceVolume(points: readonly (readonly number[])[], dimension: number): number {
  if (points.length === 0) return 0;
  const last = dimension - 1;
  if (dimension === 1) return Math.max(...points.map((point) => point[0] as number));
  const sorted = [...points].sort((a, b) => (b[last] as number) - (a[last] as number));
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    const top = sorted[i]?.[last] as number;
    const bottom = i + 1 < sorted.length ? (sorted[i + 1]?.[last] as number) : 0;
    if (top > bottom) volume += (top - bottom) * sliceVolume(sorted.slice(0, i + 1), last);
  }
  return volume;
}
