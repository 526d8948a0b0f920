import { describe, expect, it } from 'vitest';
import { hashSeed } from './hash-seed';
import { fillUniformIndices, sumUniformDraws } from './uniform-draws';

/** xoroshiro128+ as Blackman & Vigna publish it, on 64-bit BigInts: the reference the 32-bit loops follow. */
function referenceOutputs(words: [number, number, number, number], count: number): bigint[] {
  const mask = (1n << 64n) - 1n;
  const u32 = (word: number) => BigInt(word >>> 0);
  let s0 = (u32(words[0]) << 32n) | u32(words[1]);
  let s1 = (u32(words[2]) << 32n) | u32(words[3]);
  const rotl = (x: bigint, k: bigint) => ((x << k) | (x >> (64n - k))) & mask;
  const outputs: bigint[] = [];
  for (let i = 0; i < count; i++) {
    outputs.push((s0 + s1) & mask);
    s1 ^= s0;
    s0 = rotl(s0, 24n) ^ s1 ^ ((s1 << 16n) & mask);
    s1 = rotl(s1, 37n);
  }
  return outputs;
}

describe('fillUniformIndices', () => {
  it('cuts each 64-bit xoroshiro128+ output into four 16-bit draws, most significant first', () => {
    const words = hashSeed('ratchet-rng:stream-check');
    const expected = referenceOutputs(words, 25).flatMap((output) =>
      [48n, 32n, 16n, 0n].map((shift) => Number((output >> shift) & 0xffffn)),
    );
    const out = new Uint32Array(100);
    fillUniformIndices(Int32Array.from(words), out, 65536);
    expect(Array.from(out)).toEqual(expected);
  });

  it('leaves the state where the next call continues the stream', () => {
    const words = hashSeed('ratchet-rng:continue');
    const state = Int32Array.from(words);
    const first = new Uint32Array(8);
    const second = new Uint32Array(8);
    fillUniformIndices(state, first, 65536);
    fillUniformIndices(state, second, 65536);
    const whole = new Uint32Array(16);
    fillUniformIndices(Int32Array.from(words), whole, 65536);
    expect([...first, ...second]).toEqual(Array.from(whole));
  });

  it('draws every index of a range that needs rejection equally often (chi-square, 1,000 values)', () => {
    const out = new Uint32Array(1_000_000);
    fillUniformIndices(Int32Array.from(hashSeed('ratchet-rng:uniform')), out, 1000);
    const counts = new Float64Array(1000);
    for (const index of out) counts[index] = (counts[index] as number) + 1;
    const chiSquare = counts.reduce((sum, c) => sum + (c - 1000) ** 2 / 1000, 0);
    // 99.9th percentile of chi-square with 999 degrees of freedom (scipy: chi2.ppf(0.999, 999) = 1143.9)
    expect(chiSquare).toBeLessThan(1143.9);
    expect(Math.min(...counts)).toBeGreaterThan(0);
  });

  it('rejects exactly the chunks that would bias the range (65,535: only the chunk 0)', () => {
    // 2¹⁶ mod 65,535 = 1, and chunk c maps to remainder −c mod 2¹⁶, so only c = 0 is rejected; every
    // other chunk maps to index c − 1. Kept, chunk 0 would make index 0 twice as likely as the others.
    const words = hashSeed('ratchet-rng:rejection');
    const chunks = new Uint32Array(1_000_000);
    fillUniformIndices(Int32Array.from(words), chunks, 65536);
    const expected = Array.from(chunks.filter((chunk) => chunk !== 0).subarray(0, 900_000), (chunk) => chunk - 1);
    expect(chunks.length - chunks.filter((chunk) => chunk !== 0).length).toBeGreaterThan(0);
    const out = new Uint32Array(900_000);
    fillUniformIndices(Int32Array.from(words), out, 65535);
    expect(Array.from(out)).toEqual(expected);
  });
});

describe('sumUniformDraws', () => {
  it('sums the same draws fillUniformIndices makes from the same state', () => {
    const words = hashSeed('ratchet-rng:sum');
    // Integer values, so the sum is exact whatever the order of the additions.
    const values = Float64Array.from({ length: 997 }, (_, i) => i * 3 + 1);
    for (const count of [1, 3, 4, 5, 997, 2001]) {
      const indices = new Uint32Array(count);
      fillUniformIndices(Int32Array.from(words), indices, values.length);
      const expected = indices.reduce((sum, index) => sum + (values[index] as number), 0);
      const state = Int32Array.from(words);
      expect(sumUniformDraws(state, values, count)).toBe(expected);
      const after = Int32Array.from(words);
      fillUniformIndices(after, indices, values.length);
      expect(Array.from(state)).toEqual(Array.from(after));
    }
  });
});
