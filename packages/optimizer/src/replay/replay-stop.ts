import type { CellRecord, Corpus, RunRecord } from '@ratchet/corpus';
import { type AttemptView, bestByChecks, sumUsage } from '@ratchet/runtime';
import { OptimizerError } from '../optimizer-error';
import { replayViewOf } from './replay-view-of';
import type { StopPolicy } from './stop-policy';

/** One cell replayed under a stop policy. */
export interface ReplayedCell {
  readonly cellId: string;
  readonly taskId: string;
  /** `replayed`: the policy stopped within the recorded attempts; `censored`: it would have gone on past them. */
  readonly status: 'replayed' | 'censored' | 'unjudged';
  /** Attempts the policy would have used. */
  readonly attempts: number;
  /** Whether the output the check-based default would have chosen among them was resolved; null unless replayed. */
  readonly resolved: boolean | null;
  readonly workUnits: number | null;
  readonly usd: number | null;
}

export interface StopReplay {
  readonly policy: string;
  readonly runId: string;
  readonly armId: string;
  readonly cells: readonly ReplayedCell[];
  /** Mean success over replayed cells; null when none could be replayed. */
  readonly success: number | null;
  /** Mean attempts per replayed cell. */
  readonly attempts: number | null;
  readonly censored: number;
  readonly unjudged: number;
}

/**
 * What success and spend would have been had each cell of an arm stopped where `policy` says: exact on
 * logged data, because every attempt of every cell is recorded. After each recorded attempt the policy
 * is asked; the output is then the one the check-based default picks among the attempts kept (the
 * built-in strategies' choice), and its own recorded verdict scores it. A cell whose strategy stopped
 * before the policy would have is `censored` (what came next was never run); one whose chosen attempt
 * has no verdict (judged without the oracle) is `unjudged`. Infra cells are skipped. Exact only for arms
 * whose steers do not depend on the stop rule (the runtime builds steers from history and findings).
 *
 * @throws {OptimizerError} when the run has no cells for the arm.
 */
export async function replayStop(
  corpus: Corpus,
  options: { readonly runId: string; readonly armId: string; readonly policy: StopPolicy },
): Promise<StopReplay> {
  const cells = (await corpus.cells({ runId: options.runId, arms: [options.armId] })).filter(
    (cell) => cell.status === 'ok',
  );
  if (cells.length === 0) {
    throw new OptimizerError(`run ${options.runId} has no recorded cell of arm ${options.armId} to replay`);
  }
  const arm = (await corpus.manifest(options.runId))?.arms.find((spec) => spec.armId === options.armId);
  if (!arm) throw new OptimizerError(`run ${options.runId} has no arm ${options.armId}`);
  const records = new Map(
    (await corpus.records({ runId: options.runId, armId: options.armId })).map((record) => [record.recordId, record]),
  );
  const replayed = cells.map((cell) => replayCell(cell, records, options.policy, arm.k));
  const kept = replayed.filter((cell) => cell.status === 'replayed');
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    policy: options.policy.id,
    runId: options.runId,
    armId: options.armId,
    cells: replayed,
    success: mean(kept.map((cell) => (cell.resolved ? 1 : 0))),
    attempts: mean(kept.map((cell) => cell.attempts)),
    censored: replayed.filter((cell) => cell.status === 'censored').length,
    unjudged: replayed.filter((cell) => cell.status === 'unjudged').length,
  };
}

function replayCell(
  cell: CellRecord,
  records: ReadonlyMap<string, RunRecord>,
  policy: StopPolicy,
  k: number,
): ReplayedCell {
  const attempts = cell.attemptIds
    .map((id) => records.get(id))
    .filter((record): record is RunRecord => record !== undefined)
    .sort((a, b) => a.attempt - b.attempt);
  const views = attempts.map(replayViewOf);
  let used = views.length;
  let stopped = false;
  for (let i = 0; i < views.length; i++) {
    if (policy.stop(views.slice(0, i + 1))) {
      used = i + 1;
      stopped = true;
      break;
    }
  }
  const base = { cellId: cell.cellId, taskId: cell.taskId, attempts: used };
  const spend = sumUsage(attempts.slice(0, used).map((record) => record.usage));
  const figures = { workUnits: spend.workUnits, usd: spend.usd };
  // The strategy ended the cell before the policy would have, short of its k: what would have followed is unknown.
  if (!stopped && attempts.length < k) return { ...base, ...figures, status: 'censored', resolved: null };
  const chosen = bestByChecks(views.slice(0, used)) as AttemptView;
  const record = records.get(chosen.attemptId) as RunRecord;
  const verdict = record.verdict ?? (cell.finalAttemptId === record.recordId ? cell.verdict : null);
  if (verdict === null) return { ...base, ...figures, status: 'unjudged', resolved: null };
  return { ...base, ...figures, status: 'replayed', resolved: verdict.resolved };
}
