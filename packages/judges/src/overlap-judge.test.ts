import { describe, expect, it } from 'vitest';
import { InvalidExpectedError } from './invalid-expected-error';
import { InvalidOptionsError } from './invalid-options-error';
import { measureOverlap, overlapJudge } from './overlap-judge';

const task = (expected: unknown) => ({ id: 'primes', input: 'primes below 8', expected });

describe('measureOverlap', () => {
  it('matches scikit-learn on a partial overlap', () => {
    // sklearn precision_score / recall_score / f1_score on the indicator vectors of these sets:
    // 2/3, 0.5, 0.5714285714285714.
    const overlap = measureOverlap(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'd', 'e']));
    expect(overlap).toMatchObject({ truePositives: 2, predicted: 3, expected: 4 });
    expect(overlap.precision).toBeCloseTo(2 / 3, 15);
    expect(overlap.recall).toBe(0.5);
    expect(overlap.f1).toBeCloseTo(0.5714285714285714, 15);
  });

  it('leaves undefined ratios null and scores the empty cases by convention', () => {
    expect(measureOverlap(new Set(), new Set())).toEqual({
      truePositives: 0,
      predicted: 0,
      expected: 0,
      precision: null,
      recall: null,
      f1: 1,
    });
    expect(measureOverlap(new Set(), new Set(['a']))).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(measureOverlap(new Set(['a']), new Set())).toMatchObject({ precision: 0, recall: null, f1: 0 });
  });
});

describe('overlapJudge', () => {
  it('compares arrays as sets, ignoring order and duplicates', async () => {
    const verdict = await overlapJudge().judge(task([2, 3, 5, 7]), [7, 5, 3, 2, 2]);
    expect(verdict.resolved).toBe(true);
    expect(verdict.scores).toEqual({
      precision: { value: 1, direction: 'maximize' },
      recall: { value: 1, direction: 'maximize' },
      f1: { value: 1, direction: 'maximize' },
    });
  });

  it('resolves at the F1 threshold', async () => {
    const verdict = await overlapJudge({ threshold: 0.5 }).judge(task([2, 3, 5, 7]), [2, 3, 4]);
    expect(verdict.scores.f1?.value).toBeCloseTo(4 / 7, 15);
    expect(verdict.resolved).toBe(true);
    expect((await overlapJudge({ threshold: 0.6 }).judge(task([2, 3, 5, 7]), [2, 3, 4])).resolved).toBe(false);
  });

  it('normalises string items and compares objects by value', async () => {
    const judge = overlapJudge({ normalize: { ignoreCase: true } });
    const verdict = await judge.judge(task([' Paris', 'rome', { city: 'Oslo', n: 1 }]), [
      'paris',
      'ROME',
      { n: 1, city: 'Oslo' },
    ]);
    expect(verdict.scores.f1?.value).toBe(1);
  });

  it('compares objects field by field, optionally restricted to some fields', async () => {
    const expected = { name: 'Ada', born: 1815, field: 'math' };
    const output = { name: 'Ada', born: 1816, extra: true };
    const verdict = await overlapJudge({ mode: 'fields' }).judge(task(expected), output);
    // One correct field of three predicted and three expected.
    expect(verdict.scores.precision?.value).toBeCloseTo(1 / 3, 15);
    expect(verdict.scores.recall?.value).toBeCloseTo(1 / 3, 15);
    const restricted = await overlapJudge({ mode: 'fields', fields: ['name', 'field'] }).judge(task(expected), output);
    expect(restricted.scores.precision?.value).toBe(1);
    expect(restricted.scores.recall?.value).toBe(0.5);
  });

  it('scores an output of the wrong shape as an empty prediction', async () => {
    const verdict = await overlapJudge().judge(task([1, 2]), 'one, two');
    expect(verdict.resolved).toBe(false);
    expect(verdict.scores.precision?.value).toBeNull();
    expect(verdict.scores.recall?.value).toBe(0);
    expect(verdict.details).toMatchObject({ reason: 'output-wrong-shape', predicted: 0, expected: 2 });
  });

  it('throws InvalidExpectedError when expected has the wrong shape for the mode', async () => {
    await expect(overlapJudge().judge(task({ a: 1 }), [])).rejects.toThrow(InvalidExpectedError);
    await expect(overlapJudge({ mode: 'fields' }).judge(task([1]), {})).rejects.toThrow(/expected a plain object/);
  });

  it('refuses a threshold outside [0, 1]', () => {
    expect(() => overlapJudge({ threshold: 1.5 })).toThrow(InvalidOptionsError);
  });
});
