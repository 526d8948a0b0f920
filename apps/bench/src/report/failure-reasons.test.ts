import { describe, expect, it } from 'vitest';
import { failureReasonLines, sameFailureWarning } from './failure-reasons';

const noFailures = { attempts: 4, byReason: {}, sample: null };

describe('failureReasonLines', () => {
  it("lists the judge's reasons and the agent's failures per arm, commonest first", () => {
    const lines = failureReasonLines([
      { armId: 'blind', unresolvedReasons: { mismatch: 1, 'no-number': 4 }, failures: noFailures },
      {
        armId: 'refine@4',
        unresolvedReasons: {},
        failures: { attempts: 14, byReason: { exit: 3 }, sample: null },
      },
      { armId: 'random@4', unresolvedReasons: {}, failures: noFailures },
      // A judge that names no reason (the dsl family's) adds nothing beyond the solved rate.
      { armId: 'refine@2', unresolvedReasons: { 'no reason given': 3 }, failures: noFailures },
    ]);
    expect(lines).toEqual([
      'blind: 5 unresolved (no-number 4, mismatch 1)',
      'refine@4: agent failures in 3 of 14 attempts (exit 3)',
    ]);
  });
});

describe('sameFailureWarning', () => {
  const arm = (armId: string, resolved: number, unresolvedReasons: Record<string, number>) => ({
    armId,
    resolved,
    unresolvedReasons,
    failures: noFailures,
  });

  it('says so when every judged cell of the run failed for one reason, with what to check', () => {
    const warning = sameFailureWarning([arm('blind', 0, { 'no-number': 5 }), arm('random@4', 0, { 'no-number': 5 })]);
    expect(warning).toBe(
      'Every answer failed the same way: all 10 judged cells are unresolved with reason "no-number" — the judge found no number in any output; if the agent answers in words, give the numeric judge "parse": "last-number". ratchet run --probe shows one attempt\'s output.',
    );
  });

  it('stays quiet when a cell was resolved, when reasons differ, or with a single cell', () => {
    expect(sameFailureWarning([arm('a', 1, { 'no-number': 5 })])).toBeNull();
    expect(sameFailureWarning([arm('a', 0, { 'no-number': 5 }), arm('b', 0, { mismatch: 1 })])).toBeNull();
    expect(sameFailureWarning([arm('a', 0, { 'no-number': 1 })])).toBeNull();
    expect(sameFailureWarning([arm('a', 0, {})])).toBeNull();
  });
});
