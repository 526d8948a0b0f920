import { describe, expect, it } from 'vitest';
import { countUnsatisfied, parseAssignment } from './sat-formula';
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
