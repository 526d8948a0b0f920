import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countWords } from '../word-count.mjs';

test('counts case-insensitively', () => assert.equal(countWords('Go go GO').get('go'), 3));
test('keeps first-appearance order', () => assert.deepEqual([...countWords('b a b c').keys()], ['b', 'a', 'c']));
test('keeps apostrophes inside words', () => assert.equal(countWords("don't stop").get("don't"), 1));
test('gives an empty map for no words', () => assert.equal(countWords(' ... ').size, 0));
