import { unmeasuredUsage } from '@ratchet/corpus';
import { type AttemptView, type Finding, InvalidControllerError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { satController, satControllerParameters } from './sat-controller';

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
    usage: { ...unmeasuredUsage, wallMs: 1, workUnits: 1 },
    failure: null,
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

  it('refuses parameters outside its space, naming each field, and keeps its hash for the defaults', () => {
    const refused = (parameters: unknown) => {
      try {
        satController.withParameters(parameters);
      } catch (error) {
        return InvalidControllerError.isInstance(error) ? error.issues.map((issue) => issue.field) : ['not refused'];
      }
      return [];
    };
    expect(refused({ ...satControllerParameters, noise: 2, restartEvery: 0 })).toEqual(['noise', 'restartEvery']);
    expect(refused({ ...satControllerParameters, maxNoise: -0.1, stuckFocus: 'newest' })).toEqual([
      'maxNoise',
      'stuckFocus',
    ]);
    expect(refused({ ...satControllerParameters, restartEvery: 500 })).toEqual([]);
    expect(satController.withParameters(satControllerParameters).hash).toBe(satController.hash);
  });

  it('continues from the last attempt and stops once an attempt satisfies every clause', () => {
    expect(satController.id).toBe('sat-default');
    expect(satController.topology([attempt(false)])).toBe('refine');
    expect(satController.stop([attempt(false)])).toBe(false);
    expect(satController.stop([attempt(false), attempt(true)])).toBe(true);
  });
});
