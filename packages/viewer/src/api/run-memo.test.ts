import { describe, expect, it } from 'vitest';
import { RunMemo } from './run-memo';

describe('RunMemo', () => {
  it('computes once per key, forgets the least recently used past its capacity, and retries a failure', async () => {
    const memo = new RunMemo<number>(2);
    let calls = 0;
    const compute = (value: number) => async () => {
      calls++;
      return value;
    };
    expect(await memo.get('a', compute(1))).toBe(1);
    expect(await memo.get('a', compute(99))).toBe(1);
    await memo.get('b', compute(2));
    await memo.get('a', compute(99));
    await memo.get('c', compute(3));
    expect(await memo.get('b', compute(20))).toBe(20);
    expect(calls).toBe(4);
    await expect(memo.get('d', () => Promise.reject(new Error('locked')))).rejects.toThrow('locked');
    expect(await memo.get('d', compute(4))).toBe(4);
  });
});
