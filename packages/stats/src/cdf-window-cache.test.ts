import { describe, expect, it } from 'vitest';
import type { BinomialCdfWindow } from './binomial-cdf-window';
import { CdfWindowCache } from './cdf-window-cache';

const window = (entries: number): BinomialCdfWindow => ({
  offset: 0,
  cdf: new Float64Array(entries),
  zeroDraw: 0,
  trials: entries,
});

describe('CdfWindowCache', () => {
  it('keeps its bytes within the budget by dropping the least recently used windows', () => {
    const cache = new CdfWindowCache(8 * 100 * 4); // room for four 100-entry windows
    for (const key of [1, 2, 3, 4]) cache.set(key, window(100));
    cache.get(1); // 1 is now more recent than 2, 3 and 4
    cache.set(5, window(100));
    expect(cache.bytes).toBeLessThanOrEqual(cache.budget);
    expect(cache.get(1)).toBeDefined();
    expect(cache.get(5)).toBeDefined();
    expect(cache.get(2)).toBeUndefined();
    expect(cache.peakBytes).toBe(8 * 100 * 5);
  });

  it('keeps the window just added even when it alone is over the budget', () => {
    const cache = new CdfWindowCache(800);
    cache.set(1, window(50));
    cache.set(2, window(200));
    expect(cache.get(2)?.cdf.length).toBe(200);
    expect(cache.get(1)).toBeUndefined();
  });
});
