import type { AttemptView, Finding } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { satController } from './sat-controller';

const stuck: Finding = { claim: 'stuck at 3 unsatisfied clauses', evidence: { rule: 'stuck' }, origin: 'trace' };
const uselessRestarts: Finding = {
  claim: 'restarts never improved',
  evidence: { rule: 'restarts-never-improved' },
  origin: 'trace',
};

function attempt(passed: boolean, parameters?: Record<string, string | number | null>): AttemptView {
  return {
    attemptId: 'a',
    index: 0,
    steer: parameters ? { text: '', parameters } : null,
    from: null,
    output: '',
    events: [],
    checks: [{ name: 'unsatisfied-clauses', passed, score: null }],
    usage: { turns: 1, tokensIn: null, tokensOut: null, usd: null, wallMs: 1, costProvenance: 'unknown' },
    continuable: true,
  };
}

describe('satController', () => {
  it('raises the noise a step and focuses on the oldest clauses after a stuck attempt', () => {
    const steer = satController.steer([stuck], [attempt(false)]);
    expect(steer.parameters).toEqual({ noise: 0.55, focus: 'oldest', restartEvery: null, restartFrom: 'best' });
    expect(steer.text).toContain('- stuck at 3 unsatisfied clauses');
  });

  it('carries settings over from the previous steer, capping the noise at 0.7 and dropping useless restarts', () => {
    const previous = attempt(false, { noise: 0.68, focus: 'uniform', restartEvery: 500 });
    expect(satController.steer([stuck, uselessRestarts], [previous]).parameters).toMatchObject({
      noise: 0.7,
      restartEvery: null,
    });
    expect(satController.steer([], [previous]).parameters).toMatchObject({ noise: 0.68, restartEvery: 500 });
  });

  it('continues from the last attempt and stops once an attempt satisfies every clause', () => {
    expect(satController.id).toBe('sat-default');
    expect(satController.topology([attempt(false)])).toBe('refine');
    expect(satController.stop([attempt(false)])).toBe(false);
    expect(satController.stop([attempt(false), attempt(true)])).toBe(true);
  });
});
