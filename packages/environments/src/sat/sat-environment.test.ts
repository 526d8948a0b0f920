import { describe, expect, it } from 'vitest';
import { satEnvironment, unsatisfiedClausesCheck } from './sat-environment';
import type { SatInput } from './sat-tasks';

const formula: SatInput = {
  variables: 3,
  clauses: [[1, 2], [-1, 3], [-3]],
  ratio: 1,
  difficulty: 'easy',
  planted: true,
};

describe('satEnvironment', () => {
  it('serves count tasks per split and hides the planted solution from the handle', async () => {
    const environment = satEnvironment({ count: 3, seed: 5, splits: ['train', 'holdout'] });
    expect((await environment.tasks('holdout')).map((task) => task.id)).toEqual([
      'sat-5-holdout-0000',
      'sat-5-holdout-0001',
      'sat-5-holdout-0002',
    ]);
    expect(await environment.tasks()).toHaveLength(6);
    const [task] = await environment.tasks('train');
    if (!task) throw new Error('no task');
    const handle = await environment.open(task);
    expect(Object.keys(handle)).toEqual(['taskId', 'input']);
    expect(await environment.checks(handle, String(task.expected))).toMatchObject([{ passed: true, score: 1 }]);
  });

  it('counts the clauses an assignment leaves unsatisfied, as a bit string or booleans', () => {
    expect(unsatisfiedClausesCheck(formula, '010')).toEqual({
      name: 'unsatisfied-clauses',
      passed: true,
      score: 1,
      details: { unsatisfied: 0, clauses: 3 },
    });
    expect(unsatisfiedClausesCheck(formula, [true, false, true])).toMatchObject({
      passed: false,
      score: 1 - 1 / 3,
      details: { unsatisfied: 1 },
    });
  });

  it('marks an output of the wrong length unmeasured and failed', () => {
    expect(unsatisfiedClausesCheck(formula, '01')).toMatchObject({ passed: false, score: null });
  });
});
