import { describe, expect, it } from 'vitest';
import { BudgetMeter, BudgetTooSmallError } from './budget';

describe('BudgetMeter', () => {
  it('lets a batch start only while the cells it needs fit under the cap', () => {
    const meter = new BudgetMeter({ cells: 10 });
    meter.addCells([null, null, null, null, null, null]);
    expect(meter.refuses(4)).toBeNull();
    expect(meter.refuses(5)).toEqual({
      reason: 'budget-cells',
      detail: 'the next batch needs 5 new cells and 4 of 10 are left',
    });
  });

  it('refuses a batch that the dearest cell so far says could break the dollar cap', () => {
    const meter = new BudgetMeter({ usd: 1 });
    meter.addCells([0.1, 0.3, 0.2]);
    expect(meter.spend).toEqual({ cells: 3, usd: 0.6000000000000001 });
    expect(meter.refuses(1)).toBeNull(); // 0.6 + 1 × 0.3 ≤ 1
    expect(meter.refuses(2)?.reason).toBe('budget-usd'); // 0.6 + 2 × 0.3 > 1
    expect(meter.usdLeft).toBeCloseTo(0.4, 12);
  });

  it('stops a dollar-capped search once a cost was not measured, instead of reading it as 0', () => {
    const meter = new BudgetMeter({ usd: 5 });
    meter.addCells([0.1]);
    meter.addProposer(null);
    expect(meter.spend).toEqual({ cells: 1, usd: null });
    expect(meter.refuses(1)?.reason).toBe('unmeasured-usd');
    expect(meter.usdLeft).toBeUndefined();
  });

  it('counts proposer dollars with the rollouts', () => {
    const meter = new BudgetMeter({});
    meter.addCells([0.25, 0.25]);
    meter.addProposer(0.5);
    expect(meter.spend).toEqual({ cells: 2, usd: 1 });
    expect(meter.refuses(1000)).toBeNull();
  });

  it('says how many cells one proposal needs when the budget is too small', () => {
    const error = new BudgetTooSmallError(36, 20, 'the baseline on 15 val tasks …');
    expect(error.needed).toBe(36);
    expect(error.message).toContain('raise budget.cells to at least 36');
  });
});
