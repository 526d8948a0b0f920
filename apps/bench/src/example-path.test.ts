import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { examplePath } from './example-path';

const repo = resolve(import.meta.dirname, '../../..');

describe('examplePath', () => {
  it('names an example relative to the working directory, as a clone has it', () => {
    expect(examplePath('@ratchet/bench', 'sat.config.json', repo)).toBe('apps/bench/examples/sat.config.json');
    expect(examplePath('@ratchet/autoloop', 'dsl-controller', repo)).toBe('packages/autoloop/examples/dsl-controller');
    expect(existsSync(join(repo, 'packages/autoloop/examples/dsl-controller'))).toBe(true);
  });

  it('gives the absolute path from a folder outside the package', () => {
    // A folder beside the repository: the example is reached only through `..`, so the path is absolute.
    expect(examplePath('@ratchet/bench', 'sat.config.json', join(repo, '..', 'elsewhere'))).toBe(
      join(repo, 'apps/bench/examples/sat.config.json'),
    );
  });
});
