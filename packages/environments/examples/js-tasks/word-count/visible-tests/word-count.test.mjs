import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { countWords } from '../word-count.mjs';

test('counts the sample the setup wrote', async () => {
  const counts = countWords(await readFile(new URL('../sample.txt', import.meta.url), 'utf8'));
  assert.equal(counts.get('the'), 3);
  assert.equal(counts.get('dog'), 2);
});
