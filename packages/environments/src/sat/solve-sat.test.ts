import { describe, expect, it } from 'vitest';
import { countUnsatisfied, parseAssignment } from './sat-formula';
import { SatOptionsError } from './sat-options-error';
import { satTasks } from './sat-tasks';
import { type SatSolveRequest, solveSat } from './solve-sat';

const tasks = satTasks({ count: 40, seed: 0 });
const settings = { noise: 0.5, restartEvery: null, restartFrom: 'random', focus: 'uniform', start: null } as const;
const request = (index: number, flips: number, seed = 'walk'): SatSolveRequest => ({
  ...(tasks[index]?.input ?? { variables: 1, clauses: [] }),
  ...settings,
  flips,
  seed,
});

describe('solveSat', () => {
  it('solves every formula of at most 40 variables within 3000 flips, with a verified assignment', () => {
    const small = tasks.map((task, i) => ({ task, i })).filter(({ task }) => task.input.variables <= 40);
    expect(small.length).toBeGreaterThanOrEqual(5);
    for (const { task, i } of small) {
      const result = solveSat(request(i, 3000));
      expect(result.bestUnsatisfied).toBe(0);
      expect(countUnsatisfied(task.input, parseAssignment(result.best, task.input.variables) ?? [])).toBe(0);
      expect(result.flipsUsed).toBeLessThan(3000);
    }
  });

  it('fails the largest formulas with a budget of 20 flips', () => {
    const large = tasks.map((task, i) => ({ task, i })).filter(({ task }) => task.input.variables >= 130);
    expect(large.length).toBeGreaterThanOrEqual(3);
    for (const { i } of large) {
      const result = solveSat(request(i, 20));
      expect(result.flipsUsed).toBe(20);
      expect(result.bestUnsatisfied).toBeGreaterThan(0);
    }
  });

  it('is a pure function of its request: same request, same result', () => {
    expect(solveSat(request(3, 500, 'same'))).toEqual(solveSat(request(3, 500, 'same')));
    expect(solveSat(request(3, 500, 'same')).best).not.toBe(solveSat(request(3, 500, 'other')).best);
  });

  it('starts from the given assignment and counts restarts', () => {
    const hidden = String(tasks[2]?.expected);
    expect(solveSat({ ...request(2, 100), start: hidden })).toMatchObject({ startUnsatisfied: 0, flipsUsed: 0 });
    const largest = tasks.reduce(
      (best, task, i) => (task.input.variables > (tasks[best]?.input.variables ?? 0) ? i : best),
      0,
    );
    const restarting = solveSat({ ...request(largest, 1000), restartEvery: 100 });
    expect(restarting.restarts).toBe(Math.ceil(restarting.flipsUsed / 100) - 1);
  });
});

describe('solveSat with additive clause weighting', () => {
  // One variable, two contradicting unit clauses: exactly one is unsatisfied after every flip, every
  // step is a local minimum and the only variable is flipped whatever the draws, so weights are known.
  const contradiction: SatSolveRequest = {
    variables: 1,
    clauses: [[1], [-1]],
    flips: 20,
    seed: 'c',
    ...settings,
    start: '0',
    weighting: 'additive',
  };

  it('raises the weight of the clause left unsatisfied at each step, decreasing every 10 increases', () => {
    // 20 steps alternate between the two clauses: each gains 10, and two decreases take 2 off: 1 + 10 − 2.
    expect(solveSat(contradiction)).toMatchObject({ weights: [9, 9], weightIncreases: 20, maxWeight: 9 });
    expect(solveSat({ ...contradiction, weights: [9, 9] }).weights).toEqual([17, 17]);
    expect(solveSat({ ...contradiction, flips: 40 }).weights).toEqual([17, 17]);
  });

  it('is plain WalkSAT draw for draw when every weight is 1, and without weighting ignores given weights', () => {
    const plain = solveSat(request(5, 800));
    const uniform = request(5, 800).clauses.map(() => 1);
    const heavy = request(5, 800).clauses.map((_, c) => 1 + (c % 7));
    expect(solveSat({ ...request(5, 800), weights: heavy })).toEqual(plain);
    expect(plain).toMatchObject({ weights: null, weightIncreases: 0, maxWeight: 1 });
    const weighted = solveSat({ ...request(5, 800), weighting: 'additive' });
    expect(solveSat({ ...request(5, 800), weighting: 'additive', weights: uniform })).toEqual(weighted);
    expect(weighted.weightIncreases).toBeGreaterThan(0);
  });

  it('weighs most the clauses its best assignment still leaves unsatisfied, on a formula it does not solve', () => {
    const largest = tasks.reduce(
      (best, task, i) => (task.input.variables > (tasks[best]?.input.variables ?? 0) ? i : best),
      0,
    );
    const formula = tasks[largest]?.input ?? { variables: 1, clauses: [] };
    const result = solveSat({ ...request(largest, 400), weighting: 'additive' });
    expect(result.bestUnsatisfied).toBeGreaterThan(0);
    const assignment = parseAssignment(result.best, formula.variables) ?? [];
    const unsatisfied = formula.clauses.map((clause) => !clause.some((l) => assignment[Math.abs(l) - 1] === l > 0));
    const mean = (keep: boolean) => {
      const weights = (result.weights ?? []).filter((_, c) => unsatisfied[c] === keep);
      return weights.reduce((sum, w) => sum + w, 0) / weights.length;
    };
    expect(mean(true)).toBeGreaterThan(2 * mean(false));
  });

  it('refuses weights that are not one integer ≥ 1 per clause, naming the weights', () => {
    expect(() => solveSat({ ...contradiction, weights: [1] })).toThrow(/weights: has 1 weights for 2 clauses/);
    expect(() => solveSat({ ...contradiction, weights: [1, 0] })).toThrow(SatOptionsError);
    expect(() => solveSat({ ...contradiction, weights: [1, 1.5] })).toThrow(/not an integer ≥ 1/);
  });
});
