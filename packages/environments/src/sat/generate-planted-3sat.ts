import type { Rng } from '@ratchet/stats';
import { toBitString } from './sat-formula';

/**
 * Weight of a clause with t literals true under the hidden assignment is q^t. With q = (√5 − 1)/2 each
 * literal is true as often as false, so clause statistics do not point at the hidden assignment and
 * the instances stay about as hard for local search as unplanted random 3-SAT (Jia, Moore and Strain,
 * "Generating hard satisfiable formulas by hiding solutions deceptively", AAAI 2005).
 */
const q = (Math.sqrt(5) - 1) / 2;
/** Sign patterns of a clause (bit j set: literal j agrees with the hidden assignment), weighted by q^t. */
const patterns = [1, 2, 3, 4, 5, 6, 7].map((mask) => ({ mask, weight: q ** popcount(mask) }));
const totalWeight = patterns.reduce((sum, pattern) => sum + pattern.weight, 0);

function popcount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}

export interface Planted3Sat {
  readonly clauses: number[][];
  /** The hidden assignment every clause is satisfied by, as a bit string (variable 1 first). */
  readonly hidden: string;
}

/**
 * A random 3-SAT formula with `round(ratio × variables)` clauses over distinct variables, each
 * satisfied by a hidden assignment (q-hidden planting), so the formula is always satisfiable even at
 * the threshold ratio ≈ 4.26 where half of unplanted formulas are not.
 *
 * @param variables - at least 3.
 * @example
 * generatePlanted3Sat(20, 4.2, createRng('x')).clauses.length; // => 84
 */
export function generatePlanted3Sat(variables: number, ratio: number, rng: Rng): Planted3Sat {
  const hidden = Array.from({ length: variables }, () => rng.next() < 0.5);
  const count = Math.round(ratio * variables);
  const clauses: number[][] = [];
  for (let c = 0; c < count; c++) {
    const chosen: number[] = [];
    while (chosen.length < 3) {
      const variable = rng.int(variables) + 1;
      if (!chosen.includes(variable)) chosen.push(variable);
    }
    const mask = drawPattern(rng.next() * totalWeight);
    clauses.push(
      chosen.map((variable, j) => {
        const agrees = ((mask >> j) & 1) === 1;
        const positive = hidden[variable - 1] === agrees;
        return positive ? variable : -variable;
      }),
    );
  }
  return { clauses, hidden: toBitString(hidden) };
}

function drawPattern(target: number): number {
  let left = target;
  for (const pattern of patterns) {
    left -= pattern.weight;
    if (left < 0) return pattern.mask;
  }
  return 7;
}
