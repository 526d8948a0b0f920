import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPalindrome } from '../is-palindrome.mjs';

test('accepts racecar', () => assert.equal(isPalindrome('racecar'), true));
test('refuses hello', () => assert.equal(isPalindrome('hello'), false));
