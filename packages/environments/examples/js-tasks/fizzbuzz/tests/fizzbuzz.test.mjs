import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fizzbuzz } from '../fizzbuzz.mjs';

test('counts to five', () => assert.deepEqual(fizzbuzz(5), ['1', '2', 'Fizz', '4', 'Buzz']));
test('says FizzBuzz at fifteen', () => assert.equal(fizzbuzz(15)[14], 'FizzBuzz'));
test('gives nothing for zero', () => assert.deepEqual(fizzbuzz(0), []));
test('has n entries', () => assert.equal(fizzbuzz(100).length, 100));
