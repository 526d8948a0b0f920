import { describe, expect, it } from 'vitest';
import { changedComponents, sameValue } from './changed-components';

describe('changedComponents', () => {
  it('lists components whose JSON differs, ignoring key order, in sorted order', () => {
    expect(changedComponents({ b: { x: 1, y: 2 }, a: 1, c: 'same' }, { a: 2, b: { y: 2, x: 1 }, c: 'same' })).toEqual([
      'a',
    ]);
    expect(changedComponents({ a: 1 }, { a: 1, z: null })).toEqual(['z']);
    expect(sameValue(undefined, null)).toBe(false);
    expect(sameValue(undefined, undefined)).toBe(true);
  });
});
