import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearch, requireOptimize } from './build-search';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

function configFile(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-autoloop-config-'));
  const file = join(dir, 'ratchet.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

const dsl = { environment: { kind: 'dsl', count: 20 }, optimize: { budget: { iterations: 1 } } };

async function problemsOf(config: object): Promise<string[]> {
  const error = await loadConfig(configFile(config)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map((problem) => `${problem.field}: ${problem.message}`);
}

describe('the autoloop section', () => {
  it('defaults to controller.json and no text components, and keeps its paths relative to the target', async () => {
    expect((await loadConfig(configFile({ ...dsl, autoloop: {} }))).config.autoloop).toEqual({
      parameters: 'controller.json',
      texts: {},
    });
    const { config } = await loadConfig(
      configFile({ ...dsl, autoloop: { parameters: 'params/c.json', texts: { skill: 'SKILL.md' } } }),
    );
    expect(config.autoloop).toEqual({ parameters: 'params/c.json', texts: { skill: 'SKILL.md' } });
  });

  it('refuses a component file outside the target, a JSON file that is not .json, and one file named twice', async () => {
    expect(await problemsOf({ ...dsl, autoloop: { texts: { skill: '../SKILL.md' } } })).toEqual([
      'autoloop.texts.skill: must be a path inside the target folder, relative to the config (e.g. "SKILL.md")',
    ]);
    expect(await problemsOf({ ...dsl, autoloop: { parameters: '/etc/c.json' } })).toEqual([
      'autoloop.parameters: must be a path inside the target folder, relative to the config (e.g. "controller.json")',
    ]);
    expect(await problemsOf({ ...dsl, autoloop: { parameters: 'c.yaml' } })).toEqual([
      'autoloop.parameters: must be a .json file',
    ]);
    expect(await problemsOf({ ...dsl, autoloop: { texts: { a: 'x.md', b: './x.md' } } })).toEqual([
      'autoloop.texts: names x.md twice: one file per component',
    ]);
  });
});

describe('the optimize section’s controller', () => {
  it('builds the baseline from the chosen controller: the family’s, the generic one, or the skill controller', async () => {
    const ids: string[] = [];
    for (const controller of ['environment', 'generic', 'skill']) {
      const loaded = await loadConfig(configFile({ ...dsl, optimize: { ...dsl.optimize, controller } }));
      const setup = buildSearch(requireOptimize(loaded.config, loaded.file), loaded.file);
      ids.push(setup.baseline.id);
      await setup.built.close();
    }
    expect(ids).toEqual(['dsl-default', 'default', 'skill']);
  });

  it('searches strategy programs with the program controller, and the author proposer only there', async () => {
    const loaded = await loadConfig(configFile({ ...dsl, optimize: { ...dsl.optimize, controller: 'program', k: 3 } }));
    const setup = buildSearch(requireOptimize(loaded.config, loaded.file), loaded.file);
    expect(setup.baseline.id).toBe('program');
    const plan = setup.plan(setup.baseline);
    expect([plan.strategy.name, plan.k]).toEqual(['refine', 3]);
    await setup.built.close();
    expect(
      await problemsOf({
        ...dsl,
        optimize: { ...dsl.optimize, proposer: { kind: 'author', model: 'openai:gpt-4o-mini' } },
      }),
    ).toEqual([
      'optimize.proposer.kind: "author" writes strategy programs, so it needs "controller": "program" (this section searches "environment")',
    ]);
  });

  it('checks the baseline against the chosen controller’s schema', async () => {
    const problems = await problemsOf({
      ...dsl,
      optimize: { ...dsl.optimize, controller: 'skill', baseline: { skill: 7 } },
    });
    expect(problems).toEqual([expect.stringMatching(/^optimize\.baseline\.skill: .*string/)]);
  });
});
