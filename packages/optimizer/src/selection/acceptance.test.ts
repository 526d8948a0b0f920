import { describe, expect, it } from 'vitest';
import { accept, acceptanceRuleSchema } from './acceptance';
import { SelectionError } from './selection-error';

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return SelectionError.isInstance(error) ? error.problem : 'other error';
  }
  return 'no error';
};

describe('accept, strict (the reference rule)', () => {
  it("accepts a child whose minibatch sum is above the parent's, and says so with the figures", () => {
    expect(accept({ rule: 'strict' }, [0, 1, 0], [1, 1, 0])).toEqual({
      accepted: true,
      pValue: null,
      reason: "Accepted: the child's minibatch sum 2 is above the parent's 1 (3 tasks).",
    });
  });

  it('rejects an equal sum', () => {
    const decision = accept({ rule: 'strict' }, [1, 0, 1], [0, 1, 1]);
    expect(decision.accepted).toBe(false);
    expect(decision.reason).toBe("Rejected: the child's minibatch sum 2 is not above the parent's 2 (3 tasks).");
  });
});

describe('accept, margin', () => {
  it('accepts a mean gain equal to the default margin of 0.1, whatever the rounding (6/10 against 5/10)', () => {
    const parent = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0];
    const child = [1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const decision = accept({ rule: 'margin' }, parent, child);
    expect(decision.accepted).toBe(true);
    expect(decision.reason).toBe(
      "Accepted: the child's minibatch mean 0.6 is at least the parent's 0.5 plus the margin 0.1 (10 tasks).",
    );
  });

  it('rejects a graded gain under the margin that strict would accept', () => {
    const parent = [0.5, 0.5, 0.5];
    const child = [0.55, 0.55, 0.55];
    expect(accept({ rule: 'strict' }, parent, child).accepted).toBe(true);
    expect(accept({ rule: 'margin' }, parent, child).accepted).toBe(false);
    expect(accept({ rule: 'margin', margin: 0.05 }, parent, child).accepted).toBe(true);
  });

  it('with margin 0, accepts a child that only ties', () => {
    expect(accept({ rule: 'margin', margin: 0 }, [1, 0], [0, 1]).accepted).toBe(true);
  });
});

describe('accept, sign', () => {
  it('accepts 3 wins of 3 at the default alpha 0.2 (R: binom.test(3, 3, alternative = "greater") gives 0.125)', () => {
    const decision = accept({ rule: 'sign' }, [0, 0, 0], [1, 1, 1]);
    expect(decision.pValue).toBeCloseTo(0.125, 12);
    expect(decision.accepted).toBe(true);
    expect(decision.reason).toBe(
      'Accepted: the child beat the parent on 3 of 3 tasks and lost on 0 (0 ties dropped), one-sided sign test p = 0.125 < alpha 0.2.',
    );
  });

  it('rejects 2 wins of 2 (p = 0.25)', () => {
    const decision = accept({ rule: 'sign' }, [0, 0], [1, 1]);
    expect(decision.pValue).toBeCloseTo(0.25, 12);
    expect(decision.accepted).toBe(false);
  });

  it('drops ties and reads only signs (R: binom.test(5, 6, alternative = "greater") gives 0.109375)', () => {
    const parent = [0, 0, 0, 0, 0, 1, 0.5];
    const child = [0.1, 1, 1, 1, 1, 0, 0.5];
    const loose = accept({ rule: 'sign' }, parent, child);
    expect(loose.accepted).toBe(true);
    expect(loose.pValue).toBeCloseTo(0.109375, 12);
    const strict = accept({ rule: 'sign', alpha: 0.1 }, parent, child);
    expect(strict.accepted).toBe(false);
    expect(strict.reason).toBe(
      'Rejected: the child beat the parent on 5 of 7 tasks and lost on 1 (1 ties dropped), one-sided sign test p = 0.109375 ≥ alpha 0.1.',
    );
  });

  it('rejects when every task ties (p = 1)', () => {
    expect(accept({ rule: 'sign' }, [1, 0], [1, 0])).toMatchObject({ accepted: false, pValue: 1 });
  });
});

describe('accept, refusals', () => {
  it('refuses unequal, empty or non-finite score lists', () => {
    expect(() => accept({ rule: 'strict' }, [1, 0], [1])).toThrow(/parentScores has 2 scores and childScores 1/);
    expect(problemOf(() => accept({ rule: 'strict' }, [], []))).toBe('invalid-scores');
    expect(() => accept({ rule: 'sign' }, [1, 0], [1, Number.NaN])).toThrow(/childScores\[1\] is NaN/);
    expect(problemOf(() => accept({ rule: 'margin' }, [Number.POSITIVE_INFINITY], [1]))).toBe('invalid-scores');
  });

  it('refuses a rule that does not parse', () => {
    expect(problemOf(() => accept({ rule: 'margin', margin: -0.1 }, [0], [1]))).toBe('invalid-rule');
    expect(problemOf(() => accept({ rule: 'sign', alpha: 1 }, [0], [1]))).toBe('invalid-rule');
    expect(() => accept(JSON.parse('{"rule":"majority"}'), [0], [1])).toThrow(/acceptance rule does not parse/);
  });
});

describe('acceptanceRuleSchema', () => {
  it('fills the defaults a config leaves out and refuses unknown keys', () => {
    expect(acceptanceRuleSchema.parse({ rule: 'sign' })).toEqual({ rule: 'sign', alpha: 0.2 });
    expect(acceptanceRuleSchema.parse({ rule: 'margin' })).toEqual({ rule: 'margin', margin: 0.1 });
    expect(acceptanceRuleSchema.safeParse({ rule: 'strict', margin: 0.1 }).success).toBe(false);
  });
});
