import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { hashSeed } from './hash-seed';
import { InvalidInputError } from './invalid-input-error';
import { fillUniformIndices, maxDrawRange, sumUniformDraws } from './uniform-draws';

/** A seed as users write it. Numbers and their decimal strings name the same stream (`42` ≡ `'42'`). */
export type Seed = number | string;

/**
 * A seeded stream of random numbers (xoroshiro128+ from pure-rand). Every random choice in Ratchet
 * takes one, so the same seed and inputs give the same numbers on every platform.
 */
export interface Rng {
  /** The path that identifies this stream: the root seed, then each fork label (`"42/bootstrap"`). */
  readonly seed: string;
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform integer in [0, n), without modulo bias. */
  int(n: number): number;
  /**
   * An independent sub-stream named by `label`. It depends only on this stream's seed path and the
   * label, never on how many numbers were drawn before, so adding a draw elsewhere shifts nothing here.
   */
  fork(label: string): Rng;
}

/**
 * Creates a seeded random stream.
 *
 * @param seed - a finite number or a non-empty string; `42` and `'42'` give the same stream.
 * @throws {InvalidInputError} when the seed is empty, NaN or infinite.
 * @example
 * const rng = createRng(42);
 * rng.int(6); // => 4, on every machine
 * rng.fork('bootstrap').next(); // => 0.15389255178947892, whatever rng drew before
 */
export function createRng(seed: Seed): Rng {
  if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string' || seed.length === 0) {
    throw new InvalidInputError({
      functionName: 'createRng',
      parameter: 'seed',
      problem: `must be a finite number or a non-empty string, received ${String(seed)}`,
    });
  }
  return new SeededRng(String(seed));
}

class SeededRng implements Rng {
  readonly seed: string;
  // The stream's state lives in one of two places: pure-rand's generator (for next() and int()), or,
  // while the inline loops below draw, these four words. Switching costs nothing when no draw of the
  // other kind comes in between, so a bootstrap's 10,000 resamples allocate nothing.
  #generator: RandomGenerator | null;
  readonly #words = new Int32Array(4);

  constructor(seed: string) {
    this.seed = seed;
    this.#generator = xoroshiro128plusFromState(hashSeed(`ratchet-rng:${seed}`));
  }

  next(): number {
    return uniformFloat64(this.#pureRand());
  }

  int(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new InvalidInputError({
        functionName: 'Rng.int',
        parameter: 'n',
        problem: `must be an integer ≥ 1, received ${n}`,
      });
    }
    return uniformInt(this.#pureRand(), 0, n - 1);
  }

  fork(label: string): Rng {
    return new SeededRng(`${this.seed}/${label}`);
  }

  /** Fills `out` with uniform integers in [0, n), 1 ≤ n ≤ 2^16: see `fillUniformIndices`. */
  fillInts(out: Uint32Array, n: number): void {
    fillUniformIndices(this.#stateWords(), out, n);
  }

  /** The sum of `count` draws with replacement from `values` (at most 2^16): see `sumUniformDraws`. */
  sumDraws(values: Float64Array, count: number): number {
    return sumUniformDraws(this.#stateWords(), values, count);
  }

  #pureRand(): RandomGenerator {
    if (this.#generator === null) {
      const words = this.#words;
      this.#generator = xoroshiro128plusFromState([
        words[0] as number,
        words[1] as number,
        words[2] as number,
        words[3] as number,
      ]);
    }
    return this.#generator;
  }

  #stateWords(): Int32Array {
    if (this.#generator !== null) {
      this.#words.set(this.#generator.getState());
      this.#generator = null;
    }
    return this.#words;
  }
}

/** Fills `out` with uniform integers in [0, n) drawn from `rng` (fast path for streams from createRng). */
export function fillUniformInts(rng: Rng, out: Uint32Array, n: number): void {
  if (rng instanceof SeededRng && n <= maxDrawRange) {
    rng.fillInts(out, n);
    return;
  }
  for (let i = 0; i < out.length; i++) out[i] = rng.int(n);
}

/**
 * The sum of `count` values drawn uniformly with replacement from `values`: one resample's total, with
 * no index buffer (fast path for streams from createRng).
 */
export function sumOfUniformDraws(rng: Rng, values: Float64Array, count: number): number {
  if (rng instanceof SeededRng && values.length <= maxDrawRange) return rng.sumDraws(values, count);
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[rng.int(values.length)] as number;
  return sum;
}
