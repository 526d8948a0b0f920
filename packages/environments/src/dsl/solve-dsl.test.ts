import { describe, expect, it } from 'vitest';
import { dslTask } from './dsl-tasks';
import { defaultSearchParameters } from './search-parameters';
import type { DslSolveRequest } from './search-state';
import { solveDsl } from './solve-dsl';

const requestFor = (index: number, overrides: Partial<DslSolveRequest> = {}): DslSolveRequest => {
  const task = dslTask(0, index);
  return {
    examples: task.input.examples,
    outputType: task.input.outputType,
    steps: 20_000,
    seed: 'solve',
    parameters: defaultSearchParameters,
    state: null,
    stallWindow: 4_000,
    ...overrides,
  };
};

describe('solveDsl', () => {
  it('finds an easy target in a few steps: (sum (filter even xs)) from three examples', () => {
    const examples = [
      { input: [1, 2, 3, 4], output: 6 },
      { input: [5, 8, -2], output: 6 },
      { input: [7, 7, 10, 1], output: 10 },
    ];
    const result = solveDsl({ ...requestFor(0), examples, outputType: 'int' });
    expect(result.state.solved).toBe(true);
    expect(result.state.best?.program).toBe('(sum (filter even xs))');
    expect(result.stepsUsed).toBeLessThan(1_000);
  });

  it('is deterministic per seed and stochastic across seeds', () => {
    const a = solveDsl(requestFor(12, { steps: 3_000 }));
    expect(solveDsl(requestFor(12, { steps: 3_000 }))).toEqual(a);
    const b = solveDsl(requestFor(12, { steps: 3_000, seed: 'other' }));
    expect(b.state.cursors).not.toEqual(a.state.cursors);
  });

  it('continuing from its state reaches a solution in fewer steps than starting over', () => {
    // Task 7 of seed 0, (head (map (+ 1) (map (* 3) xs))), is a size-3 target. After a 3,000-step attempt that fails, a second attempt
    // either continues from its state or starts over; over five seeds, continuing needs fewer steps.
    const first = solveDsl(requestFor(7, { steps: 3_000, seed: 'first' }));
    expect(first.state.solved).toBe(false);
    const seeds = ['a', 'b', 'c', 'd', 'e'];
    const fresh = seeds.map((seed) => solveDsl(requestFor(7, { steps: 50_000, seed })));
    const continued = seeds.map((seed) => solveDsl(requestFor(7, { steps: 50_000, seed, state: first.state })));
    expect([...fresh, ...continued].every((result) => result.state.solved)).toBe(true);
    const mean = (results: typeof fresh) => results.reduce((sum, r) => sum + r.stepsUsed, 0) / results.length;
    expect(mean(continued)).toBeLessThan(mean(fresh) - 1_000);
    expect(continued[0]?.state.totalSteps).toBe(3_000 + (continued[0]?.stepsUsed ?? 0));
  });

  it('restarts its frontier when the depth limit changes, keeping the best and the step count', () => {
    const first = solveDsl(requestFor(5, { steps: 2_000 }));
    const deeper = solveDsl(
      requestFor(5, { steps: 100, state: first.state, parameters: { ...defaultSearchParameters, maxDepth: 5 } }),
    );
    expect(deeper.events[0]).toEqual({ kind: 'restart', step: 2_000, fromDepth: 4, toDepth: 5 });
    expect(deeper.state.totalSteps).toBe(2_100);
    expect(deeper.state.best?.score).toBeGreaterThanOrEqual(first.state.best?.score ?? 0);
  });

  it('reports exhaustion when every program within a depth limit of 1 is tried', () => {
    const result = solveDsl(requestFor(5, { parameters: { ...defaultSearchParameters, maxDepth: 1 } }));
    expect(result.state.exhausted).toBe(true);
    expect(result.events.at(-1)).toMatchObject({ kind: 'exhausted', maxDepth: 1 });
    expect(result.stepsUsed).toBeLessThan(200);
  });

  it('spends its budget on an out-of-reach target and reports the stall', () => {
    const result = solveDsl(requestFor(5));
    expect(result.state.solved).toBe(false);
    expect(result.stepsUsed).toBe(20_000);
    expect(result.events.at(-1)).toMatchObject({ kind: 'stall', size: 4 });
  });
});
