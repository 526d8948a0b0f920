import type { CellRecord, Corpus, RunRecord, Verdict } from '@ratchet/corpus';

type Entry = { record: RunRecord | CellRecord } | { verdicts: ReadonlyArray<{ recordId: string; verdict: Verdict }> };
type Pending = Entry & { resolve: () => void; reject: (error: unknown) => void };

/**
 * Group commit: records written in the same turn of the event loop by concurrent cells go to the
 * corpus in one transaction. Each `write` resolves only once its record is committed, so an attempt
 * the harness has acknowledged survives a crash.
 */
export class RecordWriter {
  readonly #corpus: Corpus;
  #pending: Pending[] = [];
  #scheduled = false;
  #flushing: Promise<void> = Promise.resolve();

  constructor(corpus: Corpus) {
    this.#corpus = corpus;
  }

  write(record: RunRecord | CellRecord): Promise<void> {
    return this.#enqueue({ record });
  }

  /** Attaches verdicts to recorded attempts, in the same group commit as concurrent writes. */
  attachVerdicts(verdicts: ReadonlyArray<{ recordId: string; verdict: Verdict }>): Promise<void> {
    return this.#enqueue({ verdicts });
  }

  #enqueue(entry: Entry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#pending.push({ ...entry, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => {
          this.#flushing = this.#flushing.then(() => this.#flush());
        });
      }
    });
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    const batch = this.#pending;
    this.#pending = [];
    if (batch.length === 0) return;
    try {
      // Records first: verdicts attach to attempts recorded in this batch or earlier.
      const records = batch.flatMap((entry) => ('record' in entry ? [entry.record] : []));
      const verdicts = batch.flatMap((entry) => ('verdicts' in entry ? entry.verdicts : []));
      if (records.length > 0) await this.#corpus.append(records);
      if (verdicts.length > 0) await this.#corpus.attachVerdicts(verdicts);
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  /** Waits until everything written so far is committed. */
  async drain(): Promise<void> {
    while (this.#pending.length > 0 || this.#scheduled) {
      await new Promise((resolve) => setImmediate(resolve));
      await this.#flushing;
    }
    await this.#flushing;
  }
}
