import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from './invalid-input-error';
import { normalCdf } from './normal-cdf';
import { normalQuantile } from './normal-quantile';

// scipy 1.17: [p, scipy.stats.norm.ppf(p)]
const reference: Array<[number, number]> = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798409],
  [1e-10, -6.361340902404056],
  [1e-5, -4.264890793922825],
  [0.001, -3.090232306167813],
  [0.025, -1.9599639845400545],
  [0.05, -1.6448536269514729],
  [0.1, -1.2815515655446004],
  [0.3, -0.5244005127080409],
  [0.5, 0],
  [0.7, 0.5244005127080407],
  [0.9, 1.2815515655446004],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
  [1 - 1e-10, 6.361340889697422],
];

describe('normalQuantile', () => {
  it.each(reference)('matches scipy at p = %d to 1e-9', (p, expected) => {
    expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  });

  it('maps 0 and 1 to the infinities', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses p = %d, naming the parameter', (p) => {
    expect(() => normalQuantile(p)).toThrow(InvalidInputError);
    expect(() => normalQuantile(p)).toThrow(/normalQuantile: p must be a probability in \[0, 1\]/);
  });
});

describe('normalCdf and normalQuantile over a dense grid', () => {
  const grid = JSON.parse(readFileSync(new URL('./fixtures/scipy-normal-grid.json', import.meta.url), 'utf8')) as {
    cdf: Array<[number, number]>;
    quantile: Array<[number, number]>;
  };

  it('normalCdf is within 1e-9 relative of scipy at 400 points from z = −38 to 8.3', () => {
    for (const [z, expected] of grid.cdf) {
      expect(Math.abs(normalCdf(z) - expected)).toBeLessThanOrEqual(1e-9 * expected + 1e-300);
    }
  });

  it('normalQuantile is within 1e-12 of scipy from p = 1e-305 to 0.999', () => {
    for (const [p, expected] of grid.quantile) {
      expect(Math.abs(normalQuantile(p) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
    }
  });
});
