import { describe, expect, it } from 'vitest';
import { OptimizerError } from '../../optimizer-error';
import { fitLogistic, sigmoid } from './fit-logistic';

describe('fitLogistic', () => {
  it('recovers the log odds ratio of one binary feature without a penalty', () => {
    // At x = 0 one of two passes (log-odds 0); at x = 1 two of three (log-odds ln 2): the MLE is exact.
    const fit = fitLogistic([[0], [0], [1], [1], [1]], [0, 1, 0, 1, 1], [1, 1, 1, 1, 1], 0);
    expect(fit.converged).toBe(true);
    expect(fit.intercept).toBeCloseTo(0, 9);
    expect(fit.weights[0]).toBeCloseTo(Math.log(2), 9);
  });

  it('matches scipy on a weighted, penalised fit', () => {
    const rows = [
      [0, 1],
      [0.5, 2],
      [1, 1],
      [0.2, 3],
      [0.9, 2],
      [0.4, 1],
      [0.7, 3],
      [0.1, 2],
    ];
    // scipy.optimize.minimize (BFGS, gtol 1e-12) of the same objective:
    // −Σ w (y z − log(1 + e^z)) + 0.5/2 Σ β² + 0.5e-6/2 β₀² => [-0.4836767, 1.5034686, -0.37525477]
    const fit = fitLogistic(rows, [0, 0, 1, 0, 1, 1, 1, 0], [1, 2, 1, 1, 0.5, 1, 1, 2], 0.5);
    expect(fit.intercept).toBeCloseTo(-0.4836767, 5);
    expect(fit.weights[0]).toBeCloseTo(1.5034686, 5);
    expect(fit.weights[1]).toBeCloseTo(-0.37525477, 5);
  });

  it('treats a weight of 2 as the example twice', () => {
    const once = fitLogistic([[0], [1], [1], [2]], [0, 1, 0, 1], [1, 2, 1, 1], 0.1);
    const twice = fitLogistic([[0], [1], [1], [1], [2]], [0, 1, 1, 0, 1], [1, 1, 1, 1, 1], 0.1);
    expect(once.weights[0]).toBeCloseTo(twice.weights[0] as number, 9);
    expect(once.intercept).toBeCloseTo(twice.intercept, 9);
  });

  it('stays finite when every label is the same', () => {
    const fit = fitLogistic([[1], [2], [3]], [0, 0, 0], [1, 1, 1], 1);
    expect(Number.isFinite(fit.intercept)).toBe(true);
    expect(sigmoid(fit.intercept + (fit.weights[0] as number) * 2)).toBeLessThan(0.01);
  });

  it('refuses labels other than 0 and 1, and rows of different lengths', () => {
    expect(() => fitLogistic([[0], [1]], [0, 2], [1, 1], 0)).toThrow(OptimizerError);
    expect(() => fitLogistic([[0], [1, 2]], [0, 1], [1, 1], 0)).toThrow(/row 1 must hold 1 finite numbers/);
    expect(() => fitLogistic([], [], [], 0)).toThrow(/no examples/);
  });
});
