import type { AutoloopState, IterationLogEntry, StateStore } from '../autoloop-types';

/**
 * A `StateStore` in memory, for tests and `--dry-run`. It keeps copies, never the caller's objects, so a
 * test sees exactly what was written (a later mutation cannot leak in), as with the file store.
 */
export class MemoryStateStore implements StateStore {
  #state: AutoloopState | null;
  readonly #log: IterationLogEntry[] = [];
  readonly #handoffs = new Map<number, string>();
  #writes = 0;

  constructor(initial: AutoloopState | null = null) {
    this.#state = initial === null ? null : structuredClone(initial);
  }

  async read(): Promise<AutoloopState | null> {
    return this.#state === null ? null : structuredClone(this.#state);
  }

  async write(state: AutoloopState): Promise<void> {
    this.#state = structuredClone(state);
    this.#writes++;
  }

  async appendLog(entry: IterationLogEntry): Promise<void> {
    this.#log.push(structuredClone(entry));
  }

  async writeHandoff(iteration: number, markdown: string): Promise<void> {
    this.#handoffs.set(iteration, markdown);
  }

  /** The state last written (null before the first write). */
  get state(): AutoloopState | null {
    return this.#state === null ? null : structuredClone(this.#state);
  }

  /** Every log line appended, in order. */
  get log(): readonly IterationLogEntry[] {
    return this.#log.map((entry) => structuredClone(entry));
  }

  /** The handoffs written, by iteration. */
  get handoffs(): ReadonlyMap<number, string> {
    return new Map(this.#handoffs);
  }

  /** How many times the state was written. */
  get writeCount(): number {
    return this.#writes;
  }
}
