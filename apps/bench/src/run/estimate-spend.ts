import type { Corpus } from '@ratchet/corpus';

/** What earlier runs of the same worker spent per attempt, as recorded in the corpus. */
export interface SpendEstimate {
  /** Mean measured or estimated dollars per attempt; null when nothing priced was recorded. */
  readonly usdPerAttempt: number | null;
  /** Attempts the mean is over (priced cells only). */
  readonly attempts: number;
}

/**
 * The mean dollars per attempt of earlier cells by this worker (same id and model), from the corpus.
 * Cells whose cost is unknown are left out rather than counted as free.
 */
export async function estimateSpend(corpus: Corpus, worker: { id: string; model?: string }): Promise<SpendEstimate> {
  let usd = 0;
  let attempts = 0;
  for (const run of await corpus.runs()) {
    if (run.worker.id !== worker.id || run.worker.model !== worker.model) continue;
    for (const cell of await corpus.cells({ runId: run.runId })) {
      if (cell.spend.usd === null || cell.attempts === 0) continue;
      usd += cell.spend.usd;
      attempts += cell.attempts;
    }
  }
  return { usdPerAttempt: attempts === 0 ? null : usd / attempts, attempts };
}
