import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPalindrome } from '../is-palindrome.mjs';

test('accepts racecar', () => assert.equal(isPalindrome('racecar'), true));
test('refuses hello', () => assert.equal(isPalindrome('hello'), false));
test('ignores case and punctuation', () => assert.equal(isPalindrome('A man, a plan, a canal: Panama!'), true));
test('accepts the empty string', () => assert.equal(isPalindrome(''), true));
test('reads digits', () => assert.equal(isPalindrome('12a21'), true));
