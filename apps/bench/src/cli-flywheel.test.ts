import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

describe('ratchet flywheel', () => {
  it('runs the generations, prints JSON with both arms, slopes and the verdict, writes the curves, and resumes with no new cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-flywheel-'));
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const config = join(dir, 'flywheel.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        environment: { kind: 'dsl', domain: 1, budget: 1500 },
        concurrency: 2,
        flywheel: { k: 2, learner: { minSupport: 2 } },
      }),
    );
    const html = join(dir, 'flywheel.html');
    const first = await ratchet([
      '--store',
      store,
      'flywheel',
      config,
      '--generations',
      '1',
      '--tasks',
      '6',
      '--seed',
      '3',
      '--json',
      '--html',
      html,
    ]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^generation 1\/1 · learning from generations before it$/m);
    const result = JSON.parse(first.stdout);
    expect(result.generations.map((g: { generation: number }) => g.generation)).toEqual([0, 1]);
    for (const g of result.generations) {
      expect(g.evaluationTasks).toBe(6);
      for (const arm of [g.learned, g.frozen]) {
        expect(arm.n).toBe(6);
        expect(arm.estimate).toBeCloseTo(arm.solved / 6, 12);
        expect(arm.low).toBeLessThanOrEqual(arm.estimate);
        expect(arm.high).toBeGreaterThanOrEqual(arm.estimate);
      }
    }
    expect(result.generations[0].frozen.hash).toBe(result.generations[1].frozen.hash);
    expect(result.generations[0].libraryId).toBeNull();
    expect(result.generations[1].libraryId).toMatch(/^library-[0-9a-f]{16}$/);
    for (const name of ['learned', 'frozen', 'difference']) {
      expect(Object.keys(result.slope[name]).sort()).toEqual(['estimate', 'high', 'low', 'p', 'q']);
    }
    expect(typeof result.verdict.turned).toBe('boolean');
    expect(result.verdict.sentence).toMatch(/^The flywheel (turned|did not turn): /);
    expect(readFileSync(html, 'utf8')).toContain('ratchet-flywheel-curves');
    expect(existsSync(`${html}.partial`)).toBe(false);

    const corpus = await openCorpus(store);
    const cells = (await corpus.stats()).cells;
    await corpus.close();
    const again = await ratchet([
      '--store',
      store,
      'flywheel',
      config,
      '--generations',
      '1',
      '--tasks',
      '6',
      '--seed',
      '3',
    ]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Flywheel ${result.flywheelId} · 2 generations · 6 evaluation tasks each`);
    expect(again.stdout).toContain(result.verdict.sentence);
    const reopened = await openCorpus(store);
    expect((await reopened.stats()).cells).toBe(cells);
    await reopened.close();
  }, 180_000);

  it('refuses a family with nothing to learn, saying which have a miner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-flywheel-'));
    const config = join(dir, 'sim.config.json');
    writeFileSync(config, JSON.stringify({ environment: { kind: 'sim', count: 10, seed: 1 } }));
    const refused = await ratchet(['--store', `sqlite:${join(dir, 'c.db')}`, 'flywheel', config]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('the environment "sim" has no miner, so a flywheel has nothing to learn');
  }, 60_000);
});
