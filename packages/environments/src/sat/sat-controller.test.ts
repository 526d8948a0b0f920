import { unmeasuredUsage } from '@ratchet/corpus';
import { type AttemptView, type Finding, InvalidControllerError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { satController, satControllerParameters } from './sat-controller';
import { satTasks } from './sat-tasks';

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

  describe('class settings', () => {
    const tasks = satTasks({ count: 40, seed: 0 });
    const view = (difficulty: string) => {
      const task = tasks.find((one) => one.input.difficulty === difficulty);
      if (!task) throw new Error(`no ${difficulty} task`);
      return { id: task.id, split: task.split, input: task.input };
    };
    const hard = { noise: 0.6, restartEvery: 2000, weighting: 'additive' } as const;
    const learned = satController.withParameters({
      ...satControllerParameters,
      classSettings: { 'large/threshold': hard },
    });

    it('sends no initial steer with an empty map, and its class’s settings to a fresh attempt with one', () => {
      expect(satController.initial(view('hard'))).toBeNull();
      expect(learned.initial(view('easy'))).toBeNull();
      expect(learned.initial(view('hard'))).toEqual({
        text: 'Search settings for large/threshold formulas: noise 0.60, restart every 2000 flips, additive clause weighting.',
        parameters: { ...hard, restartFrom: 'best' },
      });
      expect(learned.initial({ id: 'x', split: 'train', input: 'not a formula' })).toBeNull();
    });

    it('carries the class settings, weighting included, through later steers', () => {
      const first = attempt(false, { ...hard, restartFrom: 'best' });
      expect(learned.steer([stuck], [first]).parameters).toEqual({
        noise: 0.65,
        focus: 'oldest',
        restartEvery: 2000,
        restartFrom: 'best',
        weighting: 'additive',
      });
    });

    it('hashes the map into the controller identity and refuses a class or a setting outside the space', () => {
      const other = satController.withParameters({
        ...satControllerParameters,
        classSettings: { 'large/threshold': { ...hard, weighting: 'none' } },
      });
      expect(new Set([satController.hash, learned.hash, other.hash]).size).toBe(3);
      expect(satController.withParameters({ ...satControllerParameters, classSettings: {} }).hash).toBe(
        satController.hash,
      );
      const refused = (classSettings: unknown) => {
        try {
          satController.withParameters({ ...satControllerParameters, classSettings });
        } catch (error) {
          return InvalidControllerError.isInstance(error) ? error.issues.map((issue) => issue.field) : ['not refused'];
        }
        return [];
      };
      // zod names the record for a key outside the enum, and the value's path for a bad value.
      expect(refused({ 'huge/threshold': hard })).toEqual(['classSettings']);
      expect(refused({ 'large/threshold': { ...hard, weighting: 'multiplicative' } })).toEqual([
        'classSettings.large/threshold.weighting',
      ]);
    });
  });
});
