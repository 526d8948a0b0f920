/** A point on a search's val curve: the cells spent so far and the best val score at that moment. */
export interface ValPoint {
  readonly cells: number;
  readonly valScore: number;
}

// Val scores are means over the same val tasks: k/n, equal in exact arithmetic, so only rounding is forgiven.
const tolerance = 1e-9;

/**
 * The cells a search had spent when its best val score first reached `target` (≥), reading its curve
 * in order: the baseline's point first, then one point per iteration. Null when it never did.
 *
 * @example
 * cellsToReach([{ cells: 20, valScore: 0.5 }, { cells: 46, valScore: 0.6 }], 0.55); // => 46
 */
export function cellsToReach(curve: readonly ValPoint[], target: number): number | null {
  return curve.find((point) => point.valScore >= target - tolerance)?.cells ?? null;
}
