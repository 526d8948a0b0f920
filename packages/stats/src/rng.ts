import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { hashSeed } from './hash-seed';
import { InvalidInputError } from './invalid-input-error';

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
  #generator: RandomGenerator;

  constructor(seed: string) {
    this.seed = seed;
    this.#generator = xoroshiro128plusFromState(hashSeed(`ratchet-rng:${seed}`));
  }

  next(): number {
    return uniformFloat64(this.#generator);
  }

  int(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new InvalidInputError({
        functionName: 'Rng.int',
        parameter: 'n',
        problem: `must be an integer ≥ 1, received ${n}`,
      });
    }
    return uniformInt(this.#generator, 0, n - 1);
  }

  fork(label: string): Rng {
    return new SeededRng(`${this.seed}/${label}`);
  }

  /**
   * Fills `out` with uniform integers in [0, n), 1 ≤ n ≤ 2^16: the bootstrap's hot loop. It steps the
   * same xoroshiro128+ state as pure-rand (a test holds the two streams equal) but inline, on local
   * variables, and spends each 32-bit word on two indices, one per 16-bit half, each mapped to [0, n)
   * with Lemire's multiply-and-reject method (unbiased, no division). About 3× faster than `int(n)`.
   */
  fillInts(out: Uint32Array, n: number): void {
    let [s01, s00, s11, s10] = this.#generator.getState() as [number, number, number, number];
    const threshold = (65536 - n) % n;
    const length = out.length;
    let i = 0;
    while (i < length) {
      const word = (s00 + s10) | 0;
      const a0 = s10 ^ s00;
      const a1 = s11 ^ s01;
      const t00 = s00;
      const t01 = s01;
      s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
      s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
      s10 = (a1 << 5) ^ (a0 >>> 27);
      s11 = (a0 << 5) ^ (a1 >>> 27);
      const high = (word >>> 16) * n;
      if ((high & 0xffff) >= threshold) out[i++] = high >>> 16;
      const low = (word & 0xffff) * n;
      if (i < length && (low & 0xffff) >= threshold) out[i++] = low >>> 16;
    }
    this.#generator = xoroshiro128plusFromState([s01, s00, s11, s10]);
  }
}

/** Largest range the inline two-indices-per-word path serves. */
export const maxInlineRange = 65536;

/** Fills `out` with uniform integers in [0, n) drawn from `rng` (fast path for streams from createRng). */
export function fillUniformInts(rng: Rng, out: Uint32Array, n: number): void {
  if (rng instanceof SeededRng && n <= maxInlineRange) {
    rng.fillInts(out, n);
    return;
  }
  for (let i = 0; i < out.length; i++) out[i] = rng.int(n);
}
