import { describe, expect, it } from 'vitest';
import { InvalidExpectedError } from './invalid-expected-error';
import { InvalidOptionsError } from './invalid-options-error';
import { numericJudge } from './numeric-judge';

const task = (expected: unknown) => ({ id: 'sum', input: 'How much?', expected });

describe('numericJudge', () => {
  it('demands equality with no tolerance', async () => {
    expect((await numericJudge().judge(task(3), '3')).resolved).toBe(true);
    expect((await numericJudge().judge(task(3), '3.0000001')).resolved).toBe(false);
  });

  it('accepts within the absolute tolerance, boundary included', async () => {
    const judge = numericJudge({ absoluteTolerance: 0.5 });
    expect((await judge.judge(task(10), 10.5)).resolved).toBe(true);
    expect((await judge.judge(task(10), 10.51)).resolved).toBe(false);
  });

  it('scales the relative tolerance by |expected| and uses the larger of the two', async () => {
    // 1% of 12.5 is 0.125; |12.45 − 12.5| = 0.05.
    const verdict = await numericJudge({ relativeTolerance: 0.01 }).judge(task(12.5), '12.45');
    expect(verdict.resolved).toBe(true);
    expect(verdict.scores.absoluteError?.value).toBeCloseTo(0.05, 12);
    expect(verdict.details).toMatchObject({ actual: 12.45, expected: 12.5, allowed: 0.125 });
    const wrong = await numericJudge({ relativeTolerance: 0.001 }).judge(task(12.5), '12.45');
    expect(wrong.resolved).toBe(false);
    // The report counts unresolved verdicts by reason: a wrong number is a mismatch, not "no reason".
    expect(wrong.details).toEqual({ reason: 'mismatch', actual: 12.45, expected: 12.5, allowed: 0.0125 });
    // At expected −200, 1% is 2, larger than the absolute 0.1.
    expect(
      (await numericJudge({ absoluteTolerance: 0.1, relativeTolerance: 0.01 }).judge(task(-200), -198)).resolved,
    ).toBe(true);
  });

  it('reads the last number of a worded answer when asked', async () => {
    const judge = numericJudge({ parse: 'last-number' });
    expect((await judge.judge(task('18'), 'She has 16 − 3 − 4 = 9 eggs, so $18.')).resolved).toBe(true);
  });

  it('scores an output with no number as unresolved with a null error, not zero', async () => {
    const verdict = await numericJudge().judge(task(1), 'one');
    expect(verdict.resolved).toBe(false);
    expect(verdict.scores).toEqual({
      correct: { value: 0, direction: 'maximize' },
      absoluteError: { value: null, direction: 'minimize' },
    });
    expect(verdict.details).toEqual({ reason: 'no-number' });
  });

  it('throws InvalidExpectedError when the task has no numeric answer', async () => {
    await expect(numericJudge().judge(task('three'), '3')).rejects.toThrow(InvalidExpectedError);
    await expect(numericJudge().judge(task(undefined), '3')).rejects.toThrow(/expected a finite number/);
  });

  it('refuses negative or infinite tolerances', () => {
    expect(() => numericJudge({ absoluteTolerance: -1 })).toThrow(InvalidOptionsError);
    expect(() => numericJudge({ relativeTolerance: Number.POSITIVE_INFINITY })).toThrow(/relativeTolerance/);
  });
});
