import { describe, expect, it } from 'vitest';
import { paretoArms } from './pareto-arms';

describe('paretoArms', () => {
  it('drops an arm another beats on success at no more spend', () => {
    const points = [
      { armId: 'cheap', success: 0.4, spend: 1 },
      { armId: 'best', success: 0.8, spend: 4 },
      { armId: 'worse', success: 0.6, spend: 5 },
    ];
    expect(paretoArms(points)).toEqual(['cheap', 'best']);
  });

  it('drops an arm matched on success at lower spend, and keeps exact ties', () => {
    const points = [
      { armId: 'a', success: 0.5, spend: 2 },
      { armId: 'b', success: 0.5, spend: 3 },
      { armId: 'c', success: 0.5, spend: 2 },
    ];
    expect(paretoArms(points)).toEqual(['a', 'c']);
  });

  it('returns no arms for no points', () => {
    expect(paretoArms([])).toEqual([]);
  });
});
