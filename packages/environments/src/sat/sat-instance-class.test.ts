import { describe, expect, it } from 'vitest';
import { satInstanceClass, satInstanceClasses } from './sat-instance-class';
import { satTasks } from './sat-tasks';

const formula = (variables: number, clauses: number) => ({ variables, clauses: Array(clauses).fill([1, 2, 3]) });

describe('satInstanceClass', () => {
  it('bands the variable count at 60 and 110 and the clause/variable ratio at 3.9 and 4.5', () => {
    expect(satInstanceClass(formula(60, 252))).toBe('small/threshold');
    expect(satInstanceClass(formula(61, 256))).toBe('medium/threshold');
    expect(satInstanceClass(formula(110, 462))).toBe('medium/threshold');
    expect(satInstanceClass(formula(111, 466))).toBe('large/threshold');
    expect(satInstanceClass(formula(100, 389))).toBe('medium/under');
    expect(satInstanceClass(formula(100, 390))).toBe('medium/threshold');
    expect(satInstanceClass(formula(100, 449))).toBe('medium/threshold');
    expect(satInstanceClass(formula(100, 450))).toBe('medium/over');
    expect(satInstanceClasses).toHaveLength(9);
  });

  it('gives the family’s tasks the size of their difficulty label, and null to an input that is not a formula', () => {
    const size = { easy: 'small', medium: 'medium', hard: 'large' } as const;
    for (const task of satTasks({ count: 40, seed: 0 })) {
      expect(satInstanceClass(task.input)).toBe(`${size[task.input.difficulty]}/threshold`);
    }
    expect(satInstanceClass({ prompt: 'x' })).toBeNull();
    expect(satInstanceClass({ variables: 0, clauses: [] })).toBeNull();
  });
});
