import type { CellRecord, Corpus } from '@ratchet/corpus';

/** The dollars these cells cost, or null once one's cost was not measured (a cap on it cannot hold). */
export function spendUsdOf(cells: readonly CellRecord[]): number | null {
  let usd = 0;
  for (const cell of cells) {
    if (cell.spend.usd === null) return null;
    usd += cell.spend.usd;
  }
  return usd;
}

/** What a run's recorded cells cost: what the coordinator and every worker read to hold one spend cap across machines. */
export async function runSpendUsd(corpus: Corpus, runId: string): Promise<number | null> {
  return spendUsdOf(await corpus.cells({ runId }));
}
