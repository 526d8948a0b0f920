import { type CheckResult, unmeasuredUsage } from '@ratchet/corpus';
import { type AttemptView, type Finding, InvalidControllerError, viewOf } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { createDslController, dslController, dslControllerParameters, dslControllerSchema } from './dsl-controller';
import { dslTask } from './dsl-tasks';
import { searchParametersSchema } from './search-parameters';

function attempt(checks: CheckResult[], maxDepth = 4): AttemptView {
  return {
    attemptId: 'a0',
    index: 0,
    steer: null,
    from: null,
    output: '(sum xs)',
    events: [{ type: 'output', data: { maxDepth } }],
    checks,
    usage: { ...unmeasuredUsage, wallMs: 5 },
    failure: null,
    continuable: true,
  };
}

const finding = (evidence: Finding['evidence']): Finding => ({ claim: 'c', evidence, origin: 'trace' });

describe('dslController', () => {
  it('boosts operators for the failing examples’ features and focuses on them', () => {
    const steer = dslController.steer(
      [finding({ kind: 'failing-examples', examples: [0, 2], features: ['negative'] })],
      [attempt([])],
    );
    expect(steer.parameters).toEqual({ maxDepth: 4, priors: { filter: 2, map: 1.5 }, focus: [0, 2], focusWeight: 3 });
    expect(steer.text).toContain('Next: depth limit 4; priors filter×2, map×1.5; focus on examples 0, 2.');
    // What it sends is exactly what the worker accepts.
    expect(searchParametersSchema.safeParse(steer.parameters).success).toBe(true);
  });

  it('raises the depth limit when the search was exhausted, up to its cap, and boosts on a stall', () => {
    const exhausted = [finding({ kind: 'exhausted', maxDepth: 6 }), finding({ kind: 'stall', depth: 6 })];
    expect(dslController.steer(exhausted, [attempt([], 3)]).parameters).toMatchObject({
      maxDepth: 4,
      priors: { zipwith: 1.5 },
    });
    expect(dslController.steer(exhausted, [attempt([], 6)]).parameters?.maxDepth).toBe(6);
  });

  it('stops once every visible example passes, and refines otherwise', () => {
    const passed = attempt([{ name: 'visible-examples', passed: true, score: 1 }]);
    const failed = attempt([{ name: 'visible-examples', passed: false, score: 0.5 }]);
    expect([dslController.stop([passed]), dslController.stop([failed])]).toEqual([true, false]);
    expect(dslController.topology([failed])).toBe('refine');
  });

  it('refuses parameters outside its space, naming each field', () => {
    const refused = (parameters: unknown) => {
      try {
        dslController.withParameters(parameters);
      } catch (error) {
        return InvalidControllerError.isInstance(error) ? error.issues.map((issue) => issue.field) : ['not refused'];
      }
      return [];
    };
    expect(refused({ ...dslControllerParameters, depthIncrement: 4, maxDepthCap: 9 })).toEqual([
      'depthIncrement',
      'maxDepthCap',
    ]);
    expect(refused({ ...dslControllerParameters, featureBoosts: { negative: { nope: 2 } } })).toEqual([
      'featureBoosts.negative',
    ]);
    expect(refused({ ...dslControllerParameters, stallBoosts: { zipwith: 0 }, focus: 'all' })).toEqual([
      'stallBoosts.zipwith',
      'focus',
    ]);
    expect(refused({ ...dslControllerParameters, colour: 'red' })).toEqual(['']);
    expect(refused({ ...dslControllerParameters, initialMaxDepth: 0, initialPriors: { nope: 2 } })).toEqual([
      'initialPriors',
      'initialMaxDepth',
    ]);
    expect(refused(dslControllerParameters)).toEqual([]);
    expect(dslController.schema).toBe(dslControllerSchema);
  });

  it('gives a fresh attempt no steer by default, and the initial depth and priors when they are set', () => {
    const view = viewOf(dslTask(0, 5));
    expect(dslController.initial(view)).toBeNull();
    const learned = createDslController({ ...dslControllerParameters, initialMaxDepth: 2, initialPriors: { sum: 5 } });
    expect(learned.initial(view)).toEqual({
      text: 'Start: depth limit 2; priors sum×5.',
      parameters: { maxDepth: 2, priors: { sum: 5 } },
    });
    const depthOnly = createDslController({ ...dslControllerParameters, initialMaxDepth: 3 });
    expect(depthOnly.initial(view)?.parameters).toEqual({ maxDepth: 3 });
  });

  it('hashes its parameters, so a learned variant is a different controller', () => {
    const variant = createDslController({ ...dslControllerParameters, depthIncrement: 2 });
    expect(variant.id).toBe('dsl-default');
    expect(variant.hash).not.toBe(dslController.hash);
    expect(createDslController().hash).toBe(dslController.hash);
  });
});
