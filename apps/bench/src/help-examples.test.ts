import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../../..');
const sources = [
  join(import.meta.dirname, 'program.ts'),
  ...readdirSync(join(import.meta.dirname, 'commands'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(import.meta.dirname, 'commands', name)),
];

describe('help examples', () => {
  it('name only example files that exist, so every example runs as printed from a clone', () => {
    const named = new Set<string>();
    for (const file of sources) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:apps|packages)\/[\w-]+\/examples\/[\w./-]+/g)) {
        named.add(match[0].replace(/[.,]$/, ''));
      }
    }
    expect(named.size).toBeGreaterThan(3);
    const missing = [...named].filter((path) => !existsSync(join(repo, path)));
    expect(missing).toEqual([]);
  });
});
