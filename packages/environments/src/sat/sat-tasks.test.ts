import { describe, expect, it } from 'vitest';
import { countUnsatisfied, parseAssignment } from './sat-formula';
import { SatOptionsError } from './sat-options-error';
import { satTasks } from './sat-tasks';

describe('satTasks', () => {
  it('gives the same tasks for the same seed, and task i does not depend on the count', () => {
    const tasks = satTasks({ count: 5, seed: 11 });
    expect(satTasks({ count: 5, seed: 11 })).toEqual(tasks);
    expect(satTasks({ count: 2, seed: 11 })).toEqual(tasks.slice(0, 2));
    expect(satTasks({ count: 5, seed: 12 }).map((t) => t.input.clauses)).not.toEqual(tasks.map((t) => t.input.clauses));
    expect(tasks[1]?.id).toBe('sat-11-train-0001');
  });

  it('plants a solution in every formula: 40 tasks, 20–150 variables at ratio 4.2, all satisfiable', () => {
    const tasks = satTasks({ count: 40, seed: 0 });
    for (const task of tasks) {
      const { variables, clauses } = task.input;
      expect(variables).toBeGreaterThanOrEqual(20);
      expect(variables).toBeLessThanOrEqual(150);
      expect(clauses).toHaveLength(Math.round(4.2 * variables));
      const hidden = parseAssignment(task.expected, variables);
      expect(hidden && countUnsatisfied(task.input, hidden)).toBe(0);
    }
    expect(new Set(tasks.map((t) => t.input.difficulty))).toEqual(new Set(['easy', 'medium', 'hard']));
    // Reports group every family by `metadata.difficulty`; for sat it is the public size label.
    expect(tasks.every((t) => t.metadata?.difficulty === t.input.difficulty)).toBe(true);
  });

  it('gives each split its own tasks, so train and holdout never share one', () => {
    const train = satTasks({ count: 3, seed: 0 });
    const holdout = satTasks({ count: 3, seed: 0, split: 'holdout' });
    expect(holdout.map((t) => t.id)).toEqual(['sat-0-holdout-0000', 'sat-0-holdout-0001', 'sat-0-holdout-0002']);
    expect(holdout.map((t) => t.input.clauses)).not.toContainEqual(train[0]?.input.clauses);
  });

  it('refuses a negative count with a typed error naming the option', () => {
    expect(() => satTasks({ count: -1 })).toThrow(SatOptionsError);
    expect(() => satTasks({ count: -1 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'count' })] }),
    );
  });
});
