import type { Corpus } from '@ratchet/corpus';

/**
 * What a run id already has in the corpus, said before anything runs: a run recorded in full is shown
 * again rather than run (same config, same seed: the same numbers), and a partial one is resumed. Without
 * this line a second `ratchet demo` looks like a run that took no time. `fresh` is how to run it anew
 * (e.g. `add --fresh to record a new run`). Null for a new run id.
 */
export async function recordedRunNote(
  corpus: Corpus,
  runId: string,
  planned: number,
  fresh?: string,
): Promise<string | null> {
  const manifest = await corpus.manifest(runId);
  if (manifest === null) return null;
  const recorded = (await corpus.cells({ runId })).length;
  if (recorded >= planned) {
    return `Run ${runId} is already recorded in ${corpus.url} (${recorded}/${planned} cells): showing it, nothing runs again${fresh ? `; ${fresh}` : ''}.`;
  }
  return `Resuming run ${runId}: ${recorded} of ${planned} cells are recorded in ${corpus.url}; only the rest run.`;
}
