import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { SelectionError } from './selection-error';
import { stratifiedSubsample } from './stratified-subsample';

/** Scores where `l<i>` tasks favour left, `r<i>` right, `e<i>` tie. */
function parents(counts: { left: number; right: number; tie: number }) {
  const left = new Map<string, number | null>();
  const right = new Map<string, number | null>();
  const add = (taskId: string, l: number, r: number) => {
    left.set(taskId, l);
    right.set(taskId, r);
  };
  for (let i = 0; i < counts.left; i++) add(`l${i}`, 1, 0);
  for (let i = 0; i < counts.right; i++) add(`r${i}`, 0, 1);
  for (let i = 0; i < counts.tie; i++) add(`e${i}`, 0.5, 0.5);
  return { left, right };
}

const stratumOf = (taskId: string) => ({ l: 'left', r: 'right', e: 'tie' })[taskId[0] as 'l' | 'r' | 'e'];

describe('stratifiedSubsample', () => {
  it('splits 5 slots 2, 2, 1 when every stratum is large, each task from its own stratum', () => {
    const { left, right } = parents({ left: 10, right: 10, tie: 10 });
    const sample = stratifiedSubsample(left, right, 5, createRng(1));
    expect(sample.drawn).toEqual({ left: 2, right: 2, tie: 1 });
    expect(sample.available).toEqual({ left: 10, right: 10, tie: 10 });
    expect(sample.taskIds.map(stratumOf)).toEqual(['left', 'left', 'right', 'right', 'tie']);
    expect(new Set(sample.taskIds).size).toBe(5);
  });

  it('hands a small stratum’s share on to the others', () => {
    const { left, right } = parents({ left: 1, right: 10, tie: 10 });
    expect(stratifiedSubsample(left, right, 5, createRng(1)).drawn).toEqual({ left: 1, right: 2, tie: 2 });
    const noTies = parents({ left: 2, right: 9, tie: 0 });
    expect(stratifiedSubsample(noTies.left, noTies.right, 6, createRng(1)).drawn).toEqual({
      left: 2,
      right: 4,
      tie: 0,
    });
  });

  it('returns every common task, once, when there are fewer than asked', () => {
    const { left, right } = parents({ left: 1, right: 1, tie: 1 });
    const sample = stratifiedSubsample(left, right, 5, createRng(1));
    expect([...sample.taskIds].sort()).toEqual(['e0', 'l0', 'r0']);
  });

  it('leaves out tasks that either parent has no score on', () => {
    const left = new Map<string, number | null>([
      ['a', 1],
      ['b', null],
      ['c', 0],
    ]);
    const right = new Map<string, number | null>([
      ['a', 0],
      ['b', 1],
      ['d', 1],
    ]);
    expect(stratifiedSubsample(left, right, 5, createRng(1))).toEqual({
      taskIds: ['a'],
      drawn: { left: 1, right: 0, tie: 0 },
      available: { left: 1, right: 0, tie: 0 },
    });
  });

  it('is the same for the same seed, whatever order the scores were recorded in', () => {
    const { left, right } = parents({ left: 8, right: 8, tie: 8 });
    const reversedLeft = new Map([...left].reverse());
    const first = stratifiedSubsample(left, right, 6, createRng('merge-7'));
    expect(stratifiedSubsample(reversedLeft, right, 6, createRng('merge-7'))).toEqual(first);
    const seeds = Array.from({ length: 10 }, (_, seed) =>
      stratifiedSubsample(left, right, 6, createRng(seed)).taskIds.join(),
    );
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('draws every task of a stratum about equally often (2 of 10 per draw, over 4,000 seeds)', () => {
    const { left, right } = parents({ left: 10, right: 10, tie: 10 });
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 4000; seed++) {
      for (const taskId of stratifiedSubsample(left, right, 5, createRng(seed)).taskIds) {
        counts.set(taskId, (counts.get(taskId) ?? 0) + 1);
      }
    }
    // Binomial sd at p = 0.2, n = 4,000 is 0.0063; 0.03 is under five of them.
    for (let i = 0; i < 10; i++) expect(Math.abs((counts.get(`l${i}`) ?? 0) / 4000 - 0.2)).toBeLessThan(0.03);
  });

  it('refuses a size that is not a positive integer, a score that is not finite, and parents with nothing in common', () => {
    const { left, right } = parents({ left: 2, right: 2, tie: 2 });
    expect(() => stratifiedSubsample(left, right, 0, createRng(1))).toThrow(/size is 0; pass a positive integer/);
    expect(() => stratifiedSubsample(left, right, 2.5, createRng(1))).toThrow(SelectionError);
    expect(() => stratifiedSubsample(new Map([['a', Number.NaN]]), new Map([['a', 1]]), 2, createRng(1))).toThrow(
      /left parent's score on task a is NaN/,
    );
    expect(() => stratifiedSubsample(new Map([['a', 1]]), new Map([['b', 1]]), 2, createRng(1))).toThrow(
      /no task has a score from both parents/,
    );
  });
});
