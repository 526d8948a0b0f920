/**
 * The bootstrap's hot loops: uniform indices drawn straight from a xoroshiro128+ state held as four
 * int32 words in pure-rand's order `[s0 high, s0 low, s1 high, s1 low]`, stepped inline on locals.
 *
 * Each step's full 64-bit output s0 + s1 (the high word carries the low words' carry) is cut into four
 * 16-bit chunks, most significant first, and each chunk is mapped to [0, range) by Lemire's
 * multiply-shift with rejection: `chunk · range` splits into an index (high 16 bits) and a remainder
 * (low 16 bits), and a remainder below 2¹⁶ mod range is rejected, which leaves every index exactly
 * equally likely with no division. Rejection costs under range/2¹⁶ of the chunks (1.5% at 1,000
 * pairs). Chunks left over when a call has drawn enough are discarded, so a call's draws depend only
 * on the state it was given.
 *
 * Reference: Lemire (2019), "Fast random integer generation in an interval", ACM TOMACS 29(1);
 * Blackman & Vigna, xoroshiro128+ (https://prng.di.unimi.it/).
 */

/** Largest range these loops serve: one 16-bit chunk must be able to name every index. */
export const maxDrawRange = 65536;

/**
 * Fills `out` with uniform integers in [0, range), 1 ≤ range ≤ 2¹⁶, advancing `state`.
 * @example
 * const out = new Uint32Array(3);
 * fillUniformIndices(state, out, 1000); // out holds three indices in [0, 1000)
 */
export function fillUniformIndices(state: Int32Array, out: Uint32Array, range: number): void {
  let s01 = (state[0] as number) | 0;
  let s00 = (state[1] as number) | 0;
  let s11 = (state[2] as number) | 0;
  let s10 = (state[3] as number) | 0;
  const threshold = (maxDrawRange - range) % range;
  const count = out.length;
  let i = 0;
  while (i < count) {
    const low = (s00 + s10) | 0;
    const high = (s01 + s11 + (((s00 >>> 1) + (s10 >>> 1) + (s00 & s10 & 1)) >>> 31)) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const t00 = s00;
    const t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const m0 = Math.imul(high >>> 16, range);
    const m1 = Math.imul(high & 0xffff, range);
    const m2 = Math.imul(low >>> 16, range);
    const m3 = Math.imul(low & 0xffff, range);
    if (
      count - i >= 4 &&
      (m0 & 0xffff) >= threshold &&
      (m1 & 0xffff) >= threshold &&
      (m2 & 0xffff) >= threshold &&
      (m3 & 0xffff) >= threshold
    ) {
      out[i] = m0 >>> 16;
      out[i + 1] = m1 >>> 16;
      out[i + 2] = m2 >>> 16;
      out[i + 3] = m3 >>> 16;
      i += 4;
    } else {
      // A rejected chunk, or the last few draws: take the chunks one at a time, in the same order.
      if ((m0 & 0xffff) >= threshold) out[i++] = m0 >>> 16;
      if (i < count && (m1 & 0xffff) >= threshold) out[i++] = m1 >>> 16;
      if (i < count && (m2 & 0xffff) >= threshold) out[i++] = m2 >>> 16;
      if (i < count && (m3 & 0xffff) >= threshold) out[i++] = m3 >>> 16;
    }
  }
  state[0] = s01;
  state[1] = s00;
  state[2] = s11;
  state[3] = s10;
}

/**
 * The sum of `count` values drawn uniformly with replacement from `values` (1 ≤ values.length ≤ 2¹⁶),
 * advancing `state`: the same indices `fillUniformIndices` would draw, summed as they are drawn, with
 * no index buffer. Two running sums, so one addition does not wait for the last.
 */
export function sumUniformDraws(state: Int32Array, values: Float64Array, count: number): number {
  let s01 = (state[0] as number) | 0;
  let s00 = (state[1] as number) | 0;
  let s11 = (state[2] as number) | 0;
  let s10 = (state[3] as number) | 0;
  const range = values.length;
  const threshold = (maxDrawRange - range) % range;
  let left = count;
  let even = 0;
  let odd = 0;
  while (left > 0) {
    const low = (s00 + s10) | 0;
    const high = (s01 + s11 + (((s00 >>> 1) + (s10 >>> 1) + (s00 & s10 & 1)) >>> 31)) | 0;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    const t00 = s00;
    const t01 = s01;
    s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    const m0 = Math.imul(high >>> 16, range);
    const m1 = Math.imul(high & 0xffff, range);
    const m2 = Math.imul(low >>> 16, range);
    const m3 = Math.imul(low & 0xffff, range);
    if (
      left >= 4 &&
      (m0 & 0xffff) >= threshold &&
      (m1 & 0xffff) >= threshold &&
      (m2 & 0xffff) >= threshold &&
      (m3 & 0xffff) >= threshold
    ) {
      even += values[m0 >>> 16] as number;
      odd += values[m1 >>> 16] as number;
      even += values[m2 >>> 16] as number;
      odd += values[m3 >>> 16] as number;
      left -= 4;
    } else {
      if ((m0 & 0xffff) >= threshold) {
        even += values[m0 >>> 16] as number;
        left--;
      }
      if (left > 0 && (m1 & 0xffff) >= threshold) {
        odd += values[m1 >>> 16] as number;
        left--;
      }
      if (left > 0 && (m2 & 0xffff) >= threshold) {
        even += values[m2 >>> 16] as number;
        left--;
      }
      if (left > 0 && (m3 & 0xffff) >= threshold) {
        odd += values[m3 >>> 16] as number;
        left--;
      }
    }
  }
  state[0] = s01;
  state[1] = s00;
  state[2] = s11;
  state[3] = s10;
  return even + odd;
}
