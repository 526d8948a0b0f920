/**
 * Time the guest spends inside the engine, summed over every entry (evaluating, calling, running
 * jobs); time spent waiting for the host (a shot, an analyst) does not count. The interrupt handler
 * reads `exceeded` while the guest runs.
 */
export class CpuMeter {
  readonly limitMs: number;
  #spentMs = 0;
  #enteredAt: number | null = null;

  constructor(limitMs: number) {
    this.limitMs = limitMs;
  }

  /** Runs `enter` as guest time. Re-entrant calls count once. */
  measure<T>(enter: () => T): T {
    if (this.#enteredAt !== null) return enter();
    this.#enteredAt = performance.now();
    try {
      return enter();
    } finally {
      this.#spentMs += performance.now() - this.#enteredAt;
      this.#enteredAt = null;
    }
  }

  get spentMs(): number {
    return this.#spentMs + (this.#enteredAt === null ? 0 : performance.now() - this.#enteredAt);
  }

  get exceeded(): boolean {
    return this.spentMs > this.limitMs;
  }
}
