import type { Corpus } from '@ratchet/corpus';
import { cellIdOf } from '../harness/cell-spec';

/**
 * For each cell of a run that has attempts but no cell record, the highest try recorded so far (a
 * try killed before its cell was recorded). Read from the records' `try` field, never from their ids.
 */
export async function earlierTries(corpus: Corpus, runId: string, finished: ReadonlySet<string>) {
  const tries = new Map<string, number>();
  const ids = await corpus.recordIds({ runId });
  if (ids.length === 0) return tries;
  for await (const record of corpus.iterateRecords({ runId })) {
    const cellId = cellIdOf(record.runId, record.armId, record.taskId, record.replicate);
    if (finished.has(cellId)) continue;
    tries.set(cellId, Math.max(tries.get(cellId) ?? 0, record.try));
  }
  return tries;
}
