import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '@ratchet/config';
import { describe, expect, it } from 'vitest';

const examples = join(dirname(dirname(dirname(fileURLToPath(import.meta.url)))), 'examples');

describe('the example configs', () => {
  it('loads every example config, the TypeScript one through defineConfig', async () => {
    const files = readdirSync(examples).filter((name) => name.includes('.config.'));
    expect(files).toEqual(
      expect.arrayContaining([
        'dsl.config.json',
        'sat.config.json',
        'sim.config.ts',
        'js-tasks.claude-code.config.json',
        'arithmetic.compat.config.json',
      ]),
    );
    for (const name of files) {
      const { config } = await loadConfig(join(examples, name));
      expect(config.arms.length, name).toBeGreaterThan(0);
    }
    const sim = await loadConfig(join(examples, 'sim.config.ts'));
    expect(sim.config.environment).toMatchObject({ kind: 'sim', effects: { 'refine@4': 0.15 } });
  });
});
