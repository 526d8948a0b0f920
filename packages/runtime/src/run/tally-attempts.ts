import type { AttemptFailure, CellRecord, Corpus, RunRecord } from '@ratchet/corpus';

/** How an arm's agents failed: attempts per failure reason, and the first failure of the commonest reason. */
export interface FailureTally {
  /** Attempts that ran (not infra), in recorded cells. */
  attempts: number;
  byReason: Partial<Record<AttemptFailure['reason'], number>>;
  /** The first recorded failure of the commonest reason, with its stderr head; null when none failed. */
  sample: AttemptFailure | null;
}

export interface ArmAttempts {
  /** Attempts no recorded cell lists: tries killed before their cell was recorded. */
  unfinished: RunRecord[];
  failures: FailureTally;
}

/**
 * One pass over a run's attempt records: per arm, the attempts of tries that did not finish (paid
 * for, so counted in spend and shown apart) and how its agents failed (a broken agent command shows
 * as most attempts failing the same way).
 */
export async function tallyAttempts(
  corpus: Corpus,
  runId: string,
  cells: readonly CellRecord[],
): Promise<Map<string, ArmAttempts>> {
  const listed = new Set(cells.flatMap((cell) => cell.attemptIds));
  // Attempts of infra cells a later try replaced: counted with their cell's spend, not as unfinished.
  const superseded = new Set(cells.flatMap((cell) => (cell.supersedes ?? []).flatMap((old) => old.attemptIds)));
  const byArm = new Map<string, ArmAttempts & { firsts: Map<string, AttemptFailure> }>();
  for await (const record of corpus.iterateRecords({ runId })) {
    let arm = byArm.get(record.armId);
    if (!arm) {
      arm = { unfinished: [], failures: { attempts: 0, byReason: {}, sample: null }, firsts: new Map() };
      byArm.set(record.armId, arm);
    }
    if (superseded.has(record.recordId)) continue;
    if (!listed.has(record.recordId)) {
      arm.unfinished.push(record);
      continue;
    }
    if (record.infra !== null) continue;
    arm.failures.attempts++;
    const failure = record.failure;
    if (failure === null) continue;
    arm.failures.byReason[failure.reason] = (arm.failures.byReason[failure.reason] ?? 0) + 1;
    if (!arm.firsts.has(failure.reason)) arm.firsts.set(failure.reason, failure);
  }
  const result = new Map<string, ArmAttempts>();
  for (const [armId, { unfinished, failures, firsts }] of byArm) {
    const commonest = Object.entries(failures.byReason).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0]?.[0];
    result.set(armId, {
      unfinished,
      failures: { ...failures, sample: commonest ? (firsts.get(commonest) ?? null) : null },
    });
  }
  return result;
}
