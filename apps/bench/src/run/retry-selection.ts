import { createHash } from 'node:crypto';
import { UsageError } from '@ratchet/config';
import type { CellRecord } from '@ratchet/corpus';
import { countByArm, isFailedCell, isInfraCell } from '@ratchet/runtime';
import { openExistingCorpus } from '../commands/open-existing-corpus';

/** `--retry-infra` or `--retry-failed`. */
export type RetryMode = 'infra' | 'failed';

export interface RetrySelection {
  mode: RetryMode;
  /** The run the cells are taken from. */
  runId: string;
  /** Where the retried cells go: the same run for infra, a new run for failures. */
  intoRunId: string;
  cells: readonly CellRecord[];
  /** What will be retried, count per arm, in a few lines. */
  text: string;
}

/**
 * The cells a retry takes from a recorded run, and what to say about them. Infra cells go back into
 * their run as a new try; failed cells (`isFailedCell`: judged, not resolved, not infra) go into a new
 * run, `<run>.retry-failed-<hash of the cells>`, so the same command resumes it and the original stays.
 *
 * @throws {UsageError} when the store or the run does not exist yet.
 */
export async function retrySelection(store: string, runId: string, mode: RetryMode): Promise<RetrySelection> {
  const corpus = await openExistingCorpus(store);
  let all: CellRecord[];
  try {
    if (!(await corpus.manifest(runId))) {
      throw new UsageError(`run ${runId} is not recorded in ${store}: run it first (without --retry-${mode})`);
    }
    all = await corpus.cells({ runId });
  } finally {
    await corpus.close();
  }
  const cells = all.filter(mode === 'infra' ? isInfraCell : isFailedCell);
  const keys = cells.map((cell) => `${cell.armId}/${cell.taskId}/${cell.replicate}`).sort();
  const intoRunId =
    mode === 'infra'
      ? runId
      : `${runId}.retry-failed-${createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 8)}`;
  const perArm = [...countByArm(cells)].map(([arm, count]) => `${arm} ${count}`).join(', ');
  const text =
    cells.length === 0
      ? `Nothing to retry: run ${runId} has no ${mode === 'infra' ? 'infra cell' : 'failed cell (judged and not resolved)'}.`
      : mode === 'infra'
        ? `Retrying ${cells.length} infra cell(s) of run ${runId} as a new try (${perArm}); the old tries stay recorded and count as spend.`
        : [
            `Retrying ${cells.length} failed cell(s) of run ${runId} (${perArm}) into a new run ${intoRunId}; run ${runId} stays as it is.`,
            'Its rates are conditional on failure: not an estimate of any arm’s success rate, and no contrast is measured on it.',
          ].join('\n');
  return { mode, runId, intoRunId, cells, text };
}
