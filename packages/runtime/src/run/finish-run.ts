import type { Corpus, RunManifest } from '@ratchet/corpus';
import { type RunSummary, type StopReason, summarizeRun } from './summarize-run';

export interface RunEnding {
  /** Why no more cells were scheduled; ignored when `failure` is set. */
  stopReason: StopReason;
  /** The error that stopped the run (a refused steer, a cap that cannot hold): the run is `failed`. */
  failure: unknown;
  /** For `stopReason: 'infra'`: the failure that would hit every cell. */
  stopDetail: string | null;
  now: () => Date;
  /** Spend differences from the control beyond this share are flagged (default 0.1). */
  tolerance?: number;
  seed: string;
}

/**
 * Ends a run: writes the manifest's status, stop reason and end time, then throws the failure that
 * stopped it, if any, or returns the summary (per-arm outcomes, spend, the corrected contrasts).
 */
export async function finishRun(corpus: Corpus, manifest: RunManifest, ending: RunEnding): Promise<RunSummary> {
  const failed = ending.failure !== null && ending.failure !== undefined;
  const status = failed ? 'failed' : ending.stopReason === 'completed' ? 'completed' : 'interrupted';
  const detail = ending.stopDetail?.slice(0, 2000) ?? null;
  const ended = {
    ...manifest,
    status,
    stopReason: failed ? null : ending.stopReason,
    ...(ending.stopReason === 'infra' && !failed && detail !== null ? { stopDetail: detail } : {}),
    endedAt: ending.now().toISOString(),
  } as const;
  await corpus.putManifest(ended);
  if (failed) throw ending.failure;
  return summarizeRun(corpus, ended, { tolerance: ending.tolerance ?? 0.1, seed: ending.seed });
}
