/** One arm placed on the spend–success plane. */
export interface ParetoPoint {
  armId: string;
  success: number;
  spend: number;
}

/**
 * The arms on the Pareto front: those no other arm dominates, where A dominates B when A's success is
 * at least B's and A's spend at most B's, with at least one of the two strictly better. Ties stay on.
 *
 * @example paretoArms([{ armId: 'a', success: 0.5, spend: 1 }, { armId: 'b', success: 0.4, spend: 2 }])
 * // => ['a']
 */
export function paretoArms(points: readonly ParetoPoint[]): string[] {
  const dominates = (a: ParetoPoint, b: ParetoPoint) =>
    a.success >= b.success && a.spend <= b.spend && (a.success > b.success || a.spend < b.spend);
  return points.filter((point) => !points.some((other) => dominates(other, point))).map((point) => point.armId);
}
