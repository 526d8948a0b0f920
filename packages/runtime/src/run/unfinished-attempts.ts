import type { CellRecord, Corpus, RunRecord } from '@ratchet/corpus';

/**
 * The attempts of a run that no recorded cell lists: those of a try killed before its cell was
 * recorded (redone later, or not yet). They were paid for, so they count in the arm's spend, and the
 * report says how much of it they are. Reads attempt bodies only when there are such attempts.
 */
export async function unfinishedAttempts(corpus: Corpus, runId: string, cells: readonly CellRecord[]) {
  const listed = new Set(cells.flatMap((cell) => cell.attemptIds));
  const ids = await corpus.recordIds({ runId });
  const byArm = new Map<string, RunRecord[]>();
  if (ids.every((id) => listed.has(id))) return byArm;
  for await (const record of corpus.iterateRecords({ runId })) {
    if (listed.has(record.recordId)) continue;
    const arm = byArm.get(record.armId) ?? [];
    arm.push(record);
    byArm.set(record.armId, arm);
  }
  return byArm;
}
