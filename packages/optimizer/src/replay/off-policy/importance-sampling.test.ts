import { describe, expect, it } from 'vitest';
import { doublyRobust, fitRewardModel } from './doubly-robust';
import { effectiveSampleSize, ips, snips, trajectoryWeight } from './importance-sampling';
import type { LoggedTrajectory } from './logged-trajectories';

/** A cell with one decision, logged at P(fanout) = 0.5, scored against always-refine (P(fanout) = 0). */
const cell = (action: 'refine' | 'fanout', reward: number, id: string): LoggedTrajectory => ({
  cellId: id,
  taskId: id,
  decisions: [{ index: 1, action, logging: 0.5, target: 0, passed: false }],
  reward,
});

// Hand-worked: weights 2, 2, 0, 0, 2 (refine taken at probability 0.5, target takes it surely).
const logged = [
  cell('refine', 1, 'a'),
  cell('refine', 0, 'b'),
  cell('fanout', 1, 'c'),
  cell('fanout', 0, 'd'),
  cell('refine', 1, 'e'),
];

describe('importance-sampling estimators on a hand-worked log', () => {
  it('IPS = Σ w r / n = 4/5; SNIPS = Σ w r / Σ w = 4/6; Kish ESS = 6² / 12 = 3', () => {
    expect(logged.map(trajectoryWeight)).toEqual([2, 2, 0, 0, 2]);
    expect(ips(logged)).toBeCloseTo(0.8, 12);
    expect(snips(logged)).toBeCloseTo(4 / 6, 12);
    expect(effectiveSampleSize(logged)).toBeCloseTo(3, 12);
  });

  it('DR with the table of means: Q̂(refine) = 2/3, Q̂(fanout) = 1/2, so D = 4/3, −2/3, 2/3, 2/3, 4/3 and the mean is 2/3', () => {
    const model = fitRewardModel(logged);
    const point = { index: 1, action: 'refine', logging: 0.5, target: 0, passed: false } as const;
    expect(model(point, 'refine')).toBeCloseTo(2 / 3, 12);
    expect(model(point, 'fanout')).toBeCloseTo(0.5, 12);
    // No cell had an attempt pass before decision 1: that key falls back to the mean of all, 3/5.
    expect(model({ ...point, passed: true }, 'refine')).toBeCloseTo(0.6, 12);
    expect(doublyRobust(logged)).toBeCloseTo(2 / 3, 12);
  });

  it('runs the DR recursion backwards over two decisions, and is IPS when the model predicts 0', () => {
    const two: LoggedTrajectory = {
      cellId: 'x',
      taskId: 'x',
      decisions: [
        { index: 1, action: 'refine', logging: 0.5, target: 0, passed: false },
        { index: 2, action: 'refine', logging: 0.5, target: 0, passed: false },
      ],
      reward: 1,
    };
    // D₂ = 0.5 + 2 (1 − 0.5) = 1.5; D₁ = 0.5 + 2 (1.5 − 0.5) = 2.5.
    expect(doublyRobust([two], () => 0.5)).toBeCloseTo(2.5, 12);
    expect(doublyRobust([two], () => 0)).toBe(ips([two]));
    expect(ips([two])).toBe(4);
  });

  it('scores 0 under SNIPS, and nothing under IPS or DR, when there is nothing to estimate from', () => {
    expect(snips([cell('fanout', 1, 'c')])).toBe(0);
    expect(ips([])).toBeNaN();
    expect(doublyRobust([])).toBeNaN();
  });
});
