import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fizzbuzz } from '../fizzbuzz.mjs';

test('counts to five', () => assert.deepEqual(fizzbuzz(5), ['1', '2', 'Fizz', '4', 'Buzz']));
