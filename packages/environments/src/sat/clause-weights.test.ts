import { describe, expect, it } from 'vitest';
import { ClauseWeights, satWeightDecreaseEvery } from './clause-weights';

describe('ClauseWeights', () => {
  it('adds 1 to each unsatisfied clause per local minimum and takes 1 off every weight above 1 each 10 increases', () => {
    const weights = new ClauseWeights(4, null);
    const unsat = Int32Array.from([2, 0, 3]);
    for (let i = 0; i < satWeightDecreaseEvery - 1; i++) weights.bump(unsat, 2);
    // Nine increases on clauses 2 and 0: 1 + 9 = 10; clause 3 lies past the count, so it is not unsatisfied.
    expect(Array.from(weights.values)).toEqual([10, 1, 10, 1]);
    weights.bump(unsat, 1);
    // The tenth increase: clause 2 reaches 11, then the decrease takes 1 from clauses 0 and 2 only.
    expect(Array.from(weights.values)).toEqual([9, 1, 10, 1]);
    expect(weights.increases).toBe(10);
    expect(weights.max()).toBe(10);
  });

  it('starts from given weights without changing them', () => {
    const start = [3, 1, 7];
    const weights = new ClauseWeights(3, start);
    weights.bump(Int32Array.from([1]), 1);
    expect(Array.from(weights.values)).toEqual([3, 2, 7]);
    expect(start).toEqual([3, 1, 7]);
    expect(new ClauseWeights(2, null).max()).toBe(1);
  });
});
