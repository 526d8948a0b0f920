import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clamp } from '../clamp.mjs';

test('keeps a value inside the range', () => assert.equal(clamp(5, 0, 10), 5));
test('raises a value below the range to min', () => assert.equal(clamp(-3, 0, 10), 0));
