import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { standardNormal } from './standard-normal';

describe('standardNormal', () => {
  it('draws mean 0 and standard deviation 1 (10,000 draws, within 4 standard errors)', () => {
    const random = createRng('normal');
    const draws = Array.from({ length: 10_000 }, () => standardNormal(random));
    const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (draws.length - 1));
    // SE of the mean 0.01; SE of the sd ≈ 1/√(2n) = 0.007.
    expect(Math.abs(mean)).toBeLessThan(0.04);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
    // ≈ 95% within ±1.96 (normal: 0.9500); SE of a proportion at n = 10,000 is 0.0022.
    const inside = draws.filter((x) => Math.abs(x) < 1.96).length / draws.length;
    expect(Math.abs(inside - 0.95)).toBeLessThan(0.009);
  });

  it('gives the same draws for the same seed', () => {
    const first = createRng(3);
    const second = createRng(3);
    expect([standardNormal(first), standardNormal(first)]).toEqual([standardNormal(second), standardNormal(second)]);
  });
});
