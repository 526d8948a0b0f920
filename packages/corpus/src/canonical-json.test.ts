import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import type { JsonValue } from './common-schemas';

describe('canonicalJson', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: [2, { d: 1, c: 0 }], a: 'x' })).toBe('{"a":"x","b":[2,{"c":0,"d":1}]}');
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('gives the same text for values that differ only in key order', () => {
    const first = { run: { id: 'r', arms: ['a', 'b'] }, k: 4, nested: { z: null, y: true } };
    const second = { nested: { y: true, z: null }, k: 4, run: { arms: ['a', 'b'], id: 'r' } };
    expect(canonicalJson(first)).toBe(canonicalJson(second));
    expect(canonicalJson(first)).not.toBe(canonicalJson({ ...second, k: 5 }));
  });

  it('writes scalars as JSON does, escapes keys, and leaves out undefined fields', () => {
    expect(canonicalJson('a"b')).toBe('"a\\"b"');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(0.1)).toBe('0.1');
    expect(canonicalJson({ 'é"': 1 })).toBe('{"é\\"":1}');
    expect(canonicalJson({ a: undefined, b: null } as unknown as JsonValue)).toBe('{"b":null}');
  });

  it('orders keys by code unit, so the text does not depend on the locale', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, _: 4 })).toBe('{"B":2,"_":4,"a":3,"b":1}');
  });
});
