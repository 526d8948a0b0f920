import { describe, expect, it } from 'vitest';
import { SimOptionsError } from './sim-options-error';
import { simTasks } from './sim-tasks';

describe('simTasks', () => {
  it('gives the same tasks for the same seed, each labelled as a calibration simulator', () => {
    const tasks = simTasks({ count: 4, seed: 9 });
    expect(simTasks({ count: 4, seed: 9 })).toEqual(tasks);
    expect(simTasks({ count: 4, seed: 10 })).not.toEqual(tasks);
    expect(tasks[0]?.input.notice).toBe('calibration simulator — not a benchmark');
    expect(tasks[3]?.id).toBe('sim-9-train-0003');
  });

  it('draws latent difficulty over [0, 1) with base rates 0.9 − 0.8 × difficulty', () => {
    const tasks = simTasks({ count: 1000, seed: 1 });
    const difficulties = tasks.map((task) => task.input.difficulty);
    expect(Math.min(...difficulties)).toBeLessThan(0.01);
    expect(Math.max(...difficulties)).toBeGreaterThan(0.99);
    const mean = difficulties.reduce((sum, d) => sum + d, 0) / difficulties.length;
    expect(mean).toBeCloseTo(0.5, 1);
    expect(tasks.every((task) => Math.abs(task.input.baseRate - (0.9 - 0.8 * task.input.difficulty)) < 1e-12)).toBe(
      true,
    );
  });

  it('refuses a fractional count with a typed error', () => {
    expect(() => simTasks({ count: 2.5 })).toThrow(SimOptionsError);
  });
});
