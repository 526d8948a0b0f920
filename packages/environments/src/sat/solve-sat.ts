import { createRng, type Rng } from '@ratchet/stats';
import { ClauseWeights, type SatWeighting } from './clause-weights';
import { toBitString } from './sat-formula';
import { SatOptionsError } from './sat-options-error';

/** Which unsatisfied clause a step repairs: any at random, or (half the time) the one unsatisfied longest. */
export type SatFocus = 'uniform' | 'oldest';
/** Where a restart goes: a fresh random assignment, or back to the best assignment so far. */
export type SatRestartFrom = 'random' | 'best';

/** One solver call, plain JSON so it can cross to a worker thread. */
export interface SatSolveRequest {
  readonly variables: number;
  readonly clauses: readonly (readonly number[])[];
  /** The flip budget of this call. */
  readonly flips: number;
  readonly seed: string;
  /** Probability of a random-walk move when every variable of the clause would break another clause. */
  readonly noise: number;
  /** Restart every this many flips; null never restarts. */
  readonly restartEvery: number | null;
  readonly restartFrom: SatRestartFrom;
  readonly focus: SatFocus;
  /** A bit string to start from (a checkpoint); null starts from a random assignment. */
  readonly start: string | null;
  /** Clause weighting (`ClauseWeights`); default `none`, plain WalkSAT/SKC. */
  readonly weighting?: SatWeighting;
  /** Weights to start from, one per clause (integers ≥ 1, a checkpoint's); null or absent: all 1. Unused without weighting. */
  readonly weights?: readonly number[] | null;
}

export interface SatSolveResult {
  /** The best assignment seen, as a bit string: a solution when `bestUnsatisfied` is 0. */
  readonly best: string;
  readonly bestUnsatisfied: number;
  readonly startUnsatisfied: number;
  readonly flipsUsed: number;
  /** The flip at which the best was last improved (0: never after the start). */
  readonly lastImprovementFlip: number;
  readonly restarts: number;
  /** Restarts after which the best improved before the next restart. */
  readonly restartsImproved: number;
  /** The latest improvements of the best, oldest first (at most 40). */
  readonly improvements: ReadonlyArray<{ readonly flip: number; readonly unsatisfied: number }>;
  /** The clause weights at the end, one per clause; null without weighting. */
  readonly weights: number[] | null;
  /** Weight increases (local minima) this call made; 0 without weighting. */
  readonly weightIncreases: number;
  /** The heaviest clause weight at the end; 1 without weighting. */
  readonly maxWeight: number;
}

const maxImprovements = 40;

/**
 * WalkSAT/SKC local search (Selman, Kautz and Cohen 1994): repair an unsatisfied clause by flipping a
 * variable that breaks no other clause, else a random one with probability `noise`, else the one that
 * breaks fewest. Stops at a solution or when the flip budget is spent. A pure synchronous function of
 * its request: same request, same result, on any thread. With `weighting: 'additive'` it is weighted
 * WalkSAT: "breaks" is the total weight of the clauses a flip breaks, and the weights grow on clauses
 * left unsatisfied at local minima (`ClauseWeights`); with all weights 1 the two searches are the same
 * search, draw for draw.
 *
 * @throws {SatOptionsError} when `weights` is not one integer ≥ 1 per clause.
 * @example
 * solveSat({ variables: 2, clauses: [[1, 2], [-1]], flips: 10, seed: 's', noise: 0.5,
 *   restartEvery: null, restartFrom: 'random', focus: 'uniform', start: '00' }).best; // => '01'
 */
export function solveSat(request: SatSolveRequest): SatSolveResult {
  assertWeights(request);
  const search = new WalkSat(request);
  return search.run(request);
}

class WalkSat {
  readonly #rng: Rng;
  readonly #n: number;
  readonly #clauseStart: Int32Array;
  readonly #literals: Int32Array;
  /** Clauses by literal: literal index 2(v−1) for v, 2(v−1)+1 for −v. */
  readonly #occurrenceStart: Int32Array;
  readonly #occurrences: Int32Array;
  readonly #value: Uint8Array;
  readonly #numTrue: Int32Array;
  readonly #unsat: Int32Array;
  readonly #unsatPosition: Int32Array;
  readonly #since: Int32Array;
  /** Null without weighting: every clause then weighs 1. */
  readonly #weights: ClauseWeights | null;
  readonly #weightOf: Int32Array;
  #unsatCount = 0;

  constructor(request: SatSolveRequest) {
    this.#rng = createRng(request.seed);
    const n = request.variables;
    const m = request.clauses.length;
    this.#n = n;
    this.#clauseStart = new Int32Array(m + 1);
    const total = request.clauses.reduce((sum, clause) => sum + clause.length, 0);
    this.#literals = new Int32Array(total);
    const counts = new Int32Array(2 * n + 1);
    let at = 0;
    request.clauses.forEach((clause, c) => {
      this.#clauseStart[c] = at;
      for (const literal of clause) {
        this.#literals[at++] = literal;
        counts[literalIndex(literal) + 1]++;
      }
    });
    this.#clauseStart[m] = at;
    for (let i = 1; i <= 2 * n; i++) counts[i] += counts[i - 1] as number;
    this.#occurrenceStart = counts.slice();
    this.#occurrences = new Int32Array(total);
    const fill = counts.slice();
    for (let c = 0; c < m; c++) {
      for (let k = this.#clauseStart[c] as number; k < (this.#clauseStart[c + 1] as number); k++) {
        const index = literalIndex(this.#literals[k] as number);
        this.#occurrences[fill[index]++] = c;
      }
    }
    this.#value = new Uint8Array(n + 1);
    this.#numTrue = new Int32Array(m);
    this.#unsat = new Int32Array(m);
    this.#unsatPosition = new Int32Array(m);
    this.#since = new Int32Array(m);
    const weighted = request.weighting === 'additive';
    this.#weights = weighted ? new ClauseWeights(m, request.weights ?? null) : null;
    this.#weightOf = this.#weights?.values ?? new Int32Array(m).fill(1);
  }

  run(request: SatSolveRequest): SatSolveResult {
    const start = request.start ?? this.#randomBits();
    this.#assign(start, 0);
    const startUnsatisfied = this.#unsatCount;
    let best = this.#value.slice();
    let bestUnsatisfied = this.#unsatCount;
    let lastImprovementFlip = 0;
    const improvements: Array<{ flip: number; unsatisfied: number }> = [];
    let restarts = 0;
    let restartsImproved = 0;
    let improvedSinceRestart = false;
    let flip = 0;
    while (this.#unsatCount > 0 && flip < request.flips) {
      if (request.restartEvery !== null && flip > 0 && flip % request.restartEvery === 0) {
        if (improvedSinceRestart && restarts > 0) restartsImproved++;
        restarts++;
        improvedSinceRestart = false;
        const from = request.restartFrom === 'best' ? toBitString(best.subarray(1)) : this.#randomBits();
        this.#assign(from, flip);
      }
      const clause = this.#pickClause(request.focus);
      this.#flip(this.#pickVariable(clause, request.noise), flip);
      flip++;
      if (this.#unsatCount < bestUnsatisfied) {
        bestUnsatisfied = this.#unsatCount;
        best = this.#value.slice();
        lastImprovementFlip = flip;
        improvedSinceRestart = true;
        improvements.push({ flip, unsatisfied: bestUnsatisfied });
      }
    }
    if (improvedSinceRestart && restarts > 0) restartsImproved++;
    return {
      best: toBitString(best.subarray(1)),
      bestUnsatisfied,
      startUnsatisfied,
      flipsUsed: flip,
      lastImprovementFlip,
      restarts,
      restartsImproved,
      improvements: improvements.slice(-maxImprovements),
      weights: this.#weights === null ? null : Array.from(this.#weights.values),
      weightIncreases: this.#weights?.increases ?? 0,
      maxWeight: this.#weights?.max() ?? 1,
    };
  }

  #randomBits(): string {
    let bits = '';
    for (let v = 0; v < this.#n; v++) bits += this.#rng.next() < 0.5 ? '1' : '0';
    return bits;
  }

  #isTrue(literal: number): boolean {
    return literal > 0 ? this.#value[literal] === 1 : this.#value[-literal] === 0;
  }

  #assign(bits: string, now: number): void {
    for (let v = 1; v <= this.#n; v++) this.#value[v] = bits.charCodeAt(v - 1) === 49 ? 1 : 0;
    this.#unsatCount = 0;
    for (let c = 0; c < this.#numTrue.length; c++) {
      let count = 0;
      for (let k = this.#clauseStart[c] as number; k < (this.#clauseStart[c + 1] as number); k++) {
        if (this.#isTrue(this.#literals[k] as number)) count++;
      }
      this.#numTrue[c] = count;
      this.#unsatPosition[c] = -1;
      if (count === 0) this.#addUnsat(c, now);
    }
  }

  #addUnsat(clause: number, now: number): void {
    this.#unsat[this.#unsatCount] = clause;
    this.#unsatPosition[clause] = this.#unsatCount++;
    this.#since[clause] = now;
  }

  #removeUnsat(clause: number): void {
    const position = this.#unsatPosition[clause] as number;
    const last = this.#unsat[--this.#unsatCount] as number;
    this.#unsat[position] = last;
    this.#unsatPosition[last] = position;
    this.#unsatPosition[clause] = -1;
  }

  #flip(variable: number, now: number): void {
    this.#value[variable] ^= 1;
    const madeTrue = literalIndex(this.#value[variable] === 1 ? variable : -variable);
    const madeFalse = madeTrue ^ 1;
    for (let k = this.#occurrenceStart[madeTrue] as number; k < (this.#occurrenceStart[madeTrue + 1] as number); k++) {
      const c = this.#occurrences[k] as number;
      if (++this.#numTrue[c] === 1) this.#removeUnsat(c);
    }
    for (
      let k = this.#occurrenceStart[madeFalse] as number;
      k < (this.#occurrenceStart[madeFalse + 1] as number);
      k++
    ) {
      const c = this.#occurrences[k] as number;
      if (--this.#numTrue[c] === 0) this.#addUnsat(c, now);
    }
  }

  /** The weight of the clauses flipping `variable` would leave unsatisfied (its true literal is their only one). */
  #breakCount(variable: number): number {
    const index = literalIndex(this.#value[variable] === 1 ? variable : -variable);
    let breaks = 0;
    for (let k = this.#occurrenceStart[index] as number; k < (this.#occurrenceStart[index + 1] as number); k++) {
      const c = this.#occurrences[k] as number;
      if (this.#numTrue[c] === 1) breaks += this.#weightOf[c] as number;
    }
    return breaks;
  }

  #pickClause(focus: SatFocus): number {
    if (focus === 'oldest' && this.#rng.next() < 0.5) {
      let oldest = this.#unsat[0] as number;
      for (let i = 1; i < this.#unsatCount; i++) {
        const c = this.#unsat[i] as number;
        if ((this.#since[c] as number) < (this.#since[oldest] as number)) oldest = c;
      }
      return oldest;
    }
    return this.#unsat[this.#rng.int(this.#unsatCount)] as number;
  }

  #pickVariable(clause: number, noise: number): number {
    const from = this.#clauseStart[clause] as number;
    const size = (this.#clauseStart[clause + 1] as number) - from;
    let fewest = Number.POSITIVE_INFINITY;
    const candidates: number[] = [];
    for (let k = from; k < from + size; k++) {
      const variable = Math.abs(this.#literals[k] as number);
      const breaks = this.#breakCount(variable);
      if (breaks < fewest) {
        fewest = breaks;
        candidates.length = 0;
      }
      if (breaks === fewest) candidates.push(variable);
    }
    // A local minimum of the focused search: the weights learn from it (no draw, so plain WalkSAT is unchanged).
    if (fewest > 0) this.#weights?.bump(this.#unsat, this.#unsatCount);
    // A free move (breaks nothing) is always taken; otherwise the noise decides between walk and greed.
    if (fewest > 0 && this.#rng.next() < noise) return Math.abs(this.#literals[from + this.#rng.int(size)] as number);
    return candidates[candidates.length === 1 ? 0 : this.#rng.int(candidates.length)] as number;
  }
}

function assertWeights(request: SatSolveRequest): void {
  const { weights } = request;
  if (weights === undefined || weights === null) return;
  const problem =
    weights.length !== request.clauses.length
      ? `has ${weights.length} weights for ${request.clauses.length} clauses`
      : weights.some((weight) => !Number.isInteger(weight) || weight < 1)
        ? 'has a weight that is not an integer ≥ 1'
        : null;
  if (problem === null) return;
  throw new SatOptionsError({
    functionName: 'solveSat',
    issues: [{ path: 'weights', message: `${problem}; give one integer ≥ 1 per clause, or null for uniform weights` }],
  });
}

function literalIndex(literal: number): number {
  return literal > 0 ? 2 * (literal - 1) : 2 * (-literal - 1) + 1;
}

// A solver module: runners import this file by URL and call its default export (see registerSatSolver).
export default solveSat;
