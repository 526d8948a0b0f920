import type { CellRecord, Corpus, RunRecord, Split } from '@ratchet/corpus';
import { type AttemptView, bestByChecks, sumUsage } from '@ratchet/runtime';
import { OptimizerError } from '../optimizer-error';
import { attemptsOf, type LoggedArm, loadLoggedArm, replayViewOf } from './logged-arm';
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
 * `splits` limits the replay to cells of those splits, and nothing of another split is read.
 *
 * @throws {OptimizerError} when the run has no such arm, or no cells for it.
 */
export async function replayStop(
  corpus: Corpus,
  options: {
    readonly runId: string;
    readonly armId: string;
    readonly policy: StopPolicy;
    /** Only cells of these splits (default all). */
    readonly splits?: readonly Split[];
  },
): Promise<StopReplay> {
  const arm = await loadLoggedArm(corpus, options);
  if (arm.cells.length === 0) {
    throw new OptimizerError(`run ${options.runId} has no recorded cell of arm ${options.armId} to replay`);
  }
  return replayLogged(arm, options.policy);
}

/** `replayStop` on an arm already read (`loadLoggedArm`): many policies on one read, as a learner needs. */
export function replayLogged(arm: LoggedArm, policy: StopPolicy): StopReplay {
  const replayed = arm.cells.map((cell) => replayCell(cell, arm.records, policy, arm.k));
  const kept = replayed.filter((cell) => cell.status === 'replayed');
  const mean = (values: number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);
  return {
    policy: policy.id,
    runId: arm.runId,
    armId: arm.armId,
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
  const attempts = attemptsOf(cell, records);
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
  const resolved = resolvedAfter(cell, attempts, used);
  if (resolved === null) return { ...base, ...figures, status: 'unjudged', resolved: null };
  return { ...base, ...figures, status: 'replayed', resolved };
}

/**
 * Whether the cell would have been resolved had it stopped after its first `used` attempts: the
 * check-based default's choice among them, scored by that attempt's recorded verdict (or the cell's,
 * when it was the cell's final output); null when that attempt was never judged.
 */
export function resolvedAfter(cell: CellRecord, attempts: readonly RunRecord[], used: number): boolean | null {
  const kept = attempts.slice(0, used);
  const chosen = bestByChecks(kept.map(replayViewOf)) as AttemptView | undefined;
  const record = kept.find((one) => one.recordId === chosen?.attemptId);
  if (record === undefined) return null;
  const verdict = record.verdict ?? (cell.finalAttemptId === record.recordId ? cell.verdict : null);
  return verdict === null ? null : verdict.resolved;
}
