import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

const environment = { kind: 'dsl', count: 60, seed: 3, budget: 2000, domain: 1 };

function writeJson(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('ratchet learn', () => {
  it('learns a library from a run’s train cells, writes it, and an arm loads it as its controller parameters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-learn-'));
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const learnFrom = writeJson(join(dir, 'learn.config.json'), {
      environment,
      arms: [
        { strategy: 'random', k: 2 },
        { strategy: 'refine', k: 2 },
      ],
      split: 'train',
      maxTasks: 20,
      concurrency: 2,
      seed: 1,
    });
    const run = await ratchet(['--store', store, 'run', learnFrom]);
    expect(run.exitCode, run.stderr).toBe(0);

    const library = join(dir, 'library.json');
    const learned = await ratchet([
      '--store',
      store,
      'learn',
      learnFrom,
      '--out',
      library,
      '--settings',
      '{"minSupport": 2}',
    ]);
    expect(learned.exitCode, learned.stderr).toBe(0);
    expect(learned.stdout).toMatch(
      /^learned library-[0-9a-f]{16} \(dsl-fragments\) from \d+ certified attempts of \d+ tasks in 1 runs; holdout cells are never read/,
    );
    const artifact = JSON.parse(readFileSync(library, 'utf8'));
    expect(artifact.kind).toBe('library');
    expect(artifact.source.runIds).toHaveLength(1);
    expect(artifact.source.cellIds.length).toBeGreaterThan(0);
    expect(artifact.parameters.library.fragments.length).toBeGreaterThan(0);
    expect(artifact.parameters.library.exemplars.length).toBe(artifact.source.tasks);
    expect(existsSync(`${library}.partial`)).toBe(false);

    // An arm that loads the library runs the learned controller: its hash is in the manifest.
    const useIt = writeJson(join(dir, 'use.config.json'), {
      environment,
      arms: [
        { id: 'base', strategy: 'refine', k: 2 },
        { id: 'learned', strategy: 'refine', k: 2, parameters: './library.json' },
      ],
      primaryContrast: { name: 'library', baseline: 'base', candidate: 'learned' },
      split: 'val',
      maxTasks: 3,
      concurrency: 2,
      seed: 1,
    });
    const second = await ratchet(['--store', store, 'run', useIt]);
    expect(second.exitCode, second.stderr).toBe(0);
    const corpus = await openCorpus(store);
    try {
      const manifest = (await corpus.runs()).find((one) => one.arms.some((arm) => arm.armId === 'learned'));
      const arms = Object.fromEntries((manifest?.arms ?? []).map((arm) => [arm.armId, arm.controller.hash]));
      expect(arms.learned).toBe(artifact.hash);
      expect(arms.base).not.toBe(artifact.hash);
    } finally {
      await corpus.close();
    }
  }, 180_000);

  it('refuses a family with nothing to mine, and a parameters file that is not there, saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-learn-'));
    const sim = writeJson(join(dir, 'sim.config.json'), { environment: { kind: 'sim', count: 10, seed: 1 } });
    const refused = await ratchet(['--store', `sqlite:${join(dir, 'c.db')}`, 'learn', sim]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('the environment "sim" has no miner');

    const missing = writeJson(join(dir, 'missing.config.json'), {
      environment,
      arms: [
        { strategy: 'random', k: 2 },
        { strategy: 'refine', k: 2, parameters: './nope.json' },
      ],
    });
    const run = await ratchet(['--store', `sqlite:${join(dir, 'c.db')}`, 'run', missing, '--dry-run']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('arms[refine@2].parameters: cannot read controller parameters: there is no such file');
  }, 60_000);
});
