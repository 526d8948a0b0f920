import { unmeasuredUsage } from '@ratchet/corpus';
import type { AttemptView } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { satAnalyst } from './sat-analyst';

function attemptWith(summary: Record<string, number | boolean>): AttemptView {
  const data = {
    kind: 'walksat',
    flipBudget: 3000,
    flipsUsed: 3000,
    startUnsatisfied: 80,
    bestUnsatisfied: 3,
    lastImprovementFlip: 1140,
    restarts: 0,
    restartsImproved: 0,
    resumed: false,
    noise: 0.5,
    ...summary,
  };
  return {
    attemptId: 'a0',
    index: 0,
    steer: null,
    from: null,
    output: '0',
    events: [{ type: 'log', data }],
    checks: [{ name: 'unsatisfied-clauses', passed: false, score: 0.99 }],
    usage: { ...unmeasuredUsage, wallMs: 2, workUnits: 3000 },
    failure: null,
    continuable: true,
  };
}

describe('satAnalyst', () => {
  it('says how long the search was stuck, and at how many unsatisfied clauses', async () => {
    const findings = await satAnalyst().observe(attemptWith({}), []);
    expect(findings.map((finding) => finding.claim)).toEqual([
      'stuck at 3 unsatisfied clauses for the last 62% of flips',
      '1 check failed: unsatisfied-clauses',
    ]);
    expect(findings.every((finding) => finding.origin === 'trace')).toBe(true);
  });

  it('says restarts never improved the best, and when the search came within 2 clauses', async () => {
    const attempt = attemptWith({ restarts: 4, restartsImproved: 0, bestUnsatisfied: 2, lastImprovementFlip: 2900 });
    const claims = (await satAnalyst().observe(attempt, [])).map((finding) => finding.claim);
    expect(claims).toContain('restarts never improved the best (4 restarts)');
    expect(claims).toContain('within 2 unsatisfied clauses of a solution');
    expect(claims.some((claim) => claim.startsWith('stuck'))).toBe(false);
  });

  it('says when continuing from a checkpoint did not improve it, and nothing but success when solved', async () => {
    const stalled = attemptWith({ resumed: true, startUnsatisfied: 4, bestUnsatisfied: 4, lastImprovementFlip: 2900 });
    expect((await satAnalyst().observe(stalled, [])).map((f) => f.claim)).toContain(
      'continuing from the checkpoint did not improve on its 4 unsatisfied clauses',
    );
    const solved = { ...attemptWith({ bestUnsatisfied: 0, lastImprovementFlip: 900, flipsUsed: 900 }), checks: [] };
    expect(await satAnalyst().observe(solved, [])).toEqual([]);
  });
});
