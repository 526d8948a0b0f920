import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clamp } from '../clamp.mjs';

test('keeps a value inside the range', () => assert.equal(clamp(5, 0, 10), 5));
test('lowers a value above the range to max', () => assert.equal(clamp(42, 0, 10), 10));
test('raises a value below the range to min', () => assert.equal(clamp(-3, 0, 10), 0));
test('accepts an empty range', () => assert.equal(clamp(7, 2, 2), 2));
test('refuses min greater than max', () => assert.throws(() => clamp(1, 5, 0), RangeError));
test('keeps NaN', () => assert.ok(Number.isNaN(clamp(Number.NaN, 0, 1))));
