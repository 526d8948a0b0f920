import { describe, expect, it } from 'vitest';
import { parseNumber } from './parse-number';

describe('parseNumber', () => {
  it('reads one number from the whole text in strict mode', () => {
    expect(parseNumber(' -1.5 ', 'strict')).toBe(-1.5);
    expect(parseNumber('1e3', 'strict')).toBe(1000);
    expect(parseNumber('1,234.5', 'strict')).toBe(1234.5);
    expect(parseNumber('.5', 'strict')).toBe(0.5);
    expect(parseNumber(7, 'strict')).toBe(7);
  });

  it('refuses text around the number, malformed groups and non-finite values in strict mode', () => {
    expect(parseNumber('about 3', 'strict')).toBeNull();
    expect(parseNumber('1,23', 'strict')).toBeNull();
    expect(parseNumber('e5', 'strict')).toBeNull();
    expect(parseNumber('', 'strict')).toBeNull();
    expect(parseNumber(Number.NaN, 'strict')).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY, 'strict')).toBeNull();
    expect(parseNumber({ value: 1 }, 'strict')).toBeNull();
  });

  it('takes the last number written in the text in last-number mode', () => {
    expect(parseNumber('3 apples, then 7 more: 10.', 'last-number')).toBe(10);
    expect(parseNumber('The total is $1,250.', 'last-number')).toBe(1250);
    expect(parseNumber('delta = -0.25', 'last-number')).toBe(-0.25);
    expect(parseNumber('no digits here', 'last-number')).toBeNull();
  });
});
