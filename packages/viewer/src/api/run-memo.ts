/**
 * Remembers what was computed from a run (its summary, its primary contrast) while the run is
 * unchanged: the key holds the run's status and recorded cell count, so a running run that records
 * another cell is computed again. Keeps the most recently used `capacity` entries.
 */
export class RunMemo<T> {
  readonly #entries = new Map<string, Promise<T>>();
  readonly #capacity: number;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.#entries.get(key);
    if (found) {
      this.#entries.delete(key);
      this.#entries.set(key, found);
      return found;
    }
    const value = compute();
    // A failed computation is not remembered: the next request tries again.
    value.catch(() => this.#entries.delete(key));
    this.#entries.set(key, value);
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return value;
  }
}
