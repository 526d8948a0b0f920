import { type Verdict, verdictSchema } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';

/**
 * The verdict of a cell whose strategy program failed: not resolved, no objective measured, and the
 * reason in `details`. No judge is called — there is no final output to judge — so the verdict names
 * the run's judge only as the scorer the cell counts under; `details.judged: false` says it did not run.
 * The failure is the program's outcome (an honest 0 on `resolved`), never infra: a program that breaks
 * must not drop out of the comparison it lost.
 */
export function strategyFailureVerdict(judge: Pick<Judge, 'id' | 'version'>, error: string, now: Date): Verdict {
  return verdictSchema.parse({
    judge: judge.version === undefined ? { id: judge.id } : { id: judge.id, version: judge.version },
    resolved: false,
    scores: {},
    details: { reason: 'strategy-failure', judged: false, error },
    judgedAt: now.toISOString(),
  });
}
