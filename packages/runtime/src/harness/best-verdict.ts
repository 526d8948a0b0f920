import type { Verdict } from '@ratchet/corpus';

/**
 * The oracle's pick among judged attempts: a resolved verdict first, then the higher mean of the
 * maximised objectives; ties go to the earliest attempt. Recorded only as an upper bound (docs/design.md rule 2).
 */
export function bestVerdict(judged: ReadonlyMap<string, Verdict>): { attemptId: string; verdict: Verdict } | null {
  let best: { attemptId: string; verdict: Verdict; rank: [number, number] } | null = null;
  for (const [attemptId, verdict] of judged) {
    const maximised = Object.values(verdict.scores)
      .filter((score) => score.direction === 'maximize' && score.value !== null)
      .map((score) => score.value as number);
    const rank: [number, number] = [
      verdict.resolved ? 1 : 0,
      maximised.length === 0 ? 0 : maximised.reduce((a, b) => a + b, 0) / maximised.length,
    ];
    if (!best || rank[0] > best.rank[0] || (rank[0] === best.rank[0] && rank[1] > best.rank[1])) {
      best = { attemptId, verdict, rank };
    }
  }
  return best ? { attemptId: best.attemptId, verdict: best.verdict } : null;
}
