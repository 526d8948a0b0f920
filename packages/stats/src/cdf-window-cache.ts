import type { BinomialCdfWindow } from './binomial-cdf-window';

interface Entry {
  window: BinomialCdfWindow;
  lastUsed: number;
}

/**
 * CDF windows by key within a byte budget, so the multinomial bootstrap's memory stays bounded however
 * many pairs it resamples. Past the budget, the least recently used windows are dropped until a
 * quarter of it is free again: eviction is rare and batched, and a hit costs one field write.
 */
export class CdfWindowCache {
  readonly budget: number;
  readonly #entries = new Map<number, Entry>();
  #bytes = 0;
  #peakBytes = 0;
  #clock = 0;

  constructor(budget: number) {
    this.budget = budget;
  }

  /** Bytes of the windows held now. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The most bytes held at once: the budget plus at most the one window that pushed past it. */
  get peakBytes(): number {
    return this.#peakBytes;
  }

  get(key: number): BinomialCdfWindow | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    entry.lastUsed = ++this.#clock;
    return entry.window;
  }

  set(key: number, window: BinomialCdfWindow): void {
    const previous = this.#entries.get(key);
    if (previous !== undefined) this.#bytes -= previous.window.cdf.byteLength;
    this.#entries.set(key, { window, lastUsed: ++this.#clock });
    this.#bytes += window.cdf.byteLength;
    this.#peakBytes = Math.max(this.#peakBytes, this.#bytes);
    if (this.#bytes > this.budget) this.#evict(key);
  }

  #evict(keep: number): void {
    const target = this.budget * 0.75;
    const byAge = [...this.#entries].sort(([, a], [, b]) => a.lastUsed - b.lastUsed);
    for (const [key, entry] of byAge) {
      if (this.#bytes <= target) break;
      if (key === keep) continue;
      this.#entries.delete(key);
      this.#bytes -= entry.window.cdf.byteLength;
    }
  }
}
