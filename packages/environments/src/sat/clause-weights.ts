/** Whether a WalkSAT search weights its clauses: `none` is plain WalkSAT/SKC, every clause weight 1. */
export type SatWeighting = 'none' | 'additive';

/** Every this many weight increases, each weight above 1 drops by 1 (PAWS's `Max_inc`; it used 10–15 on random 3-SAT). */
export const satWeightDecreaseEvery = 10;

/**
 * Additive clause weights for weighted WalkSAT: the clause weighting of Breakout (Morris 1993, "The
 * breakout method for escaping from local minima", AAAI) with the periodic decrease of PAWS (Thornton,
 * Pham, Bain and Ferreira 2004, "Additive versus multiplicative clause weighting for SAT", AAAI).
 * At a local minimum every unsatisfied clause gains 1; after every `satWeightDecreaseEvery` increases,
 * every weight above 1 loses 1, so weights track the clauses that stayed unsatisfied recently instead
 * of growing without bound. In WalkSAT the local minimum is the focused one: the clause picked for
 * repair has no free move (each of its variables would break a clause). The search then scores a flip
 * by the weight of the clauses it breaks, so it learns to keep hard clauses satisfied; the weights are
 * what it learned, and a later search can start from them.
 */
export class ClauseWeights {
  readonly values: Int32Array;
  #increases = 0;
  #total = 0;

  /** Uniform weights (all 1) for `clauses` clauses, or a copy of `start`. */
  constructor(clauses: number, start: readonly number[] | null) {
    this.values = start === null ? new Int32Array(clauses).fill(1) : Int32Array.from(start);
  }

  /** Weight increases made by this search (not counting the ones the start weights carry). */
  get increases(): number {
    return this.#total;
  }

  /** A local minimum: every clause in `unsat[0..count)` gains 1, then the periodic decrease. */
  bump(unsat: Int32Array, count: number): void {
    for (let i = 0; i < count; i++) this.values[unsat[i] as number]++;
    this.#total++;
    if (++this.#increases < satWeightDecreaseEvery) return;
    this.#increases = 0;
    for (let c = 0; c < this.values.length; c++) if ((this.values[c] as number) > 1) this.values[c]--;
  }

  /** The heaviest clause's weight: 1 when nothing was learned. */
  max(): number {
    let max = 1;
    for (const weight of this.values) if (weight > max) max = weight;
    return max;
  }
}
