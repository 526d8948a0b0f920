import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { UsageError } from './usage-error';

function configFile(text: string, name = 'ratchet.config.json'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-config-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

async function problemsOf(text: string, name?: string) {
  const error = await loadConfig(configFile(text, name)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems;
}

describe('loadConfig', () => {
  it('reads JSON with comments and trailing commas, applies defaults and makes paths absolute', async () => {
    const file = configFile(`{
      // a dataset next to the config
      "environment": { "kind": "jsonl", "path": "data/qa.jsonl" },
      "judge": { "kind": "exact" },
      "worker": "openai:gpt-4o-mini",
    }`);
    const { config } = await loadConfig(file);
    expect(config.environment).toEqual({ kind: 'jsonl', path: join(dirname(file), 'data', 'qa.jsonl') });
    expect(config.worker).toEqual({ kind: 'model', model: 'openai:gpt-4o-mini', maxTurns: 8, cache: false });
    expect(config.arms.map((arm) => [arm.id, arm.k, arm.controller])).toEqual([
      ['random@4', 4, 'environment'],
      ['refine@4', 4, 'environment'],
    ]);
    expect(config).toMatchObject({ split: 'train', replicates: 1, concurrency: 4, seed: 0, retries: 3, oracle: true });
  });

  it('names blind arms "blind" with k 1, and reads preset shorthands', async () => {
    const { config } = await loadConfig(
      configFile(
        JSON.stringify({
          environment: { kind: 'task-directory', path: 'tasks' },
          worker: 'claude-code',
          arms: [{ strategy: 'blind' }, { strategy: 'random', k: 2 }, { strategy: 'refine', k: 2, id: 'steered' }],
        }),
      ),
    );
    expect(config.worker).toEqual({ kind: 'preset', preset: 'claude-code' });
    expect(config.arms.map((arm) => [arm.id, arm.k])).toEqual([
      ['blind', 1],
      ['random@2', 2],
      ['steered', 2],
    ]);
  });

  it('names the field and line of each problem and says what is allowed', async () => {
    const problems = await problemsOf(`{
  "environment": { "kind": "dsl" },
  "arms": [
    { "strategy": "random", "k": 4 },
    { "strategy": "refine", "k": 0 }
  ],
  "concurency": 8
}`);
    expect(problems).toEqual([
      { field: 'arms[1].k', line: 5, message: 'must be a whole number ≥ 1' },
      {
        field: 'concurency',
        line: 7,
        message: expect.stringMatching(
          /^"concurency" is not a known field; known fields: benchmark, environment, .*concurrency/,
        ),
      },
    ]);
  });

  it('refuses an unknown environment kind, listing the kinds', async () => {
    expect(await problemsOf('{ "environment": { "kind": "swe-bench" } }')).toEqual([
      {
        field: 'environment.kind',
        line: 1,
        message: 'must be an object whose "kind" is one of: dsl, sat, sim, task-directory, jsonl',
      },
    ]);
  });

  it('requires a judge for a dataset, a worker for an adapter, and refuses a judge elsewhere', async () => {
    expect(await problemsOf('{ "environment": { "kind": "jsonl", "path": "a.jsonl" } }')).toEqual([
      { field: 'worker', line: 1, message: expect.stringContaining('a jsonl environment needs a worker') },
      { field: 'judge', line: 1, message: expect.stringContaining('a jsonl dataset needs a judge') },
    ]);
    expect(
      await problemsOf('{ "environment": { "kind": "task-directory", "path": "t" }, "worker": "builtin" }'),
    ).toEqual([
      {
        field: 'worker',
        line: 1,
        message: expect.stringContaining('exist only for the built-in families (dsl, sat, sim)'),
      },
    ]);
    expect(await problemsOf('{ "environment": { "kind": "dsl" }, "judge": { "kind": "exact" } }')).toEqual([
      {
        field: 'judge',
        line: 1,
        message: 'the dsl environment has its own judge; remove "judge" (it is for jsonl datasets)',
      },
    ]);
  });

  it("names a misspelt judge option with its path, and keeps the judge's options as written", async () => {
    const dataset =
      '"environment": { "kind": "jsonl", "path": "a.jsonl" }, "worker": { "kind": "command", "command": "echo" }';
    expect(await problemsOf(`{ ${dataset},\n "judge": { "kind": "numeric", "prase": "last-number" } }`)).toEqual([
      { field: 'judge.prase', line: 2, message: expect.stringMatching(/^"prase" is not a known field/) },
    ]);
    expect(await problemsOf(`{ ${dataset},\n "judge": { "kind": "numeric", "parse": "last" } }`)).toEqual([
      { field: 'judge.parse', line: 2, message: expect.stringContaining('strict') },
    ]);
    const file = configFile(`{ ${dataset}, "judge": { "kind": "numeric", "parse": "last-number" } }`);
    writeFileSync(join(dirname(file), 'a.jsonl'), '{"id":"t1","input":"1+1?","expected":2}\n');
    // No judge default is filled in: the parsed config is hashed into the run id.
    expect((await loadConfig(file)).config.judge).toEqual({ kind: 'numeric', parse: 'last-number' });
  });

  it('refuses duplicate arm ids, a contrast naming a missing arm, and arms with no default contrast', async () => {
    const arms =
      '[{ "strategy": "random", "k": 2 }, { "strategy": "random", "k": 2 }, { "strategy": "refine", "k": 2 }]';
    expect(await problemsOf(`{ "environment": { "kind": "sat" }, "arms": ${arms} }`)).toEqual([
      {
        field: 'arms[1].id',
        line: 1,
        message: 'arm id "random@2" is already used by arms[0]; give one of them an "id"',
      },
    ]);
    expect(
      await problemsOf(
        '{ "environment": { "kind": "sat" }, "primaryContrast": { "name": "x", "baseline": "random@4", "candidate": "nope" } }',
      ),
    ).toEqual([
      { field: 'primaryContrast.candidate', line: 1, message: 'no arm is named "nope"; arms: random@4, refine@4' },
    ]);
    expect(
      await problemsOf(
        '{ "environment": { "kind": "sat" }, "arms": [{ "strategy": "blind" }, { "strategy": "random" }] }',
      ),
    ).toEqual([
      {
        field: 'primaryContrast',
        line: 1,
        message: expect.stringContaining('no refine arm with a continue or random arm at the same k'),
      },
    ]);
  });

  it('refuses caps the family cannot measure, before anything runs', async () => {
    expect(
      await problemsOf(
        '{ "environment": { "kind": "dsl" }, "maxCost": 5, "arms": [{ "strategy": "random", "limits": { "usd": 1 } }, { "strategy": "refine" }] }',
      ),
    ).toEqual([
      {
        field: 'maxCost',
        line: 1,
        message:
          "cannot be enforced: the dsl family's worker does not measure dollars; remove it (caps on attempts are set by k)",
      },
      { field: 'arms[0].limits.usd', line: 1, message: expect.stringContaining('cannot be enforced') },
    ]);
  });

  it('takes a strategy by name or by the path of a module, and says so when it is neither', async () => {
    expect(
      await problemsOf(
        '{ "environment": { "kind": "dsl" }, "arms": [{ "strategy": "greedy" }, { "strategy": "refine" }] }',
      ),
    ).toEqual([
      {
        field: 'arms[0].strategy',
        line: 1,
        message: expect.stringContaining('or the path of a strategy module (e.g. "./my-strategy.ts"'),
      },
    ]);
  });

  it('passes on the model-string parser’s explanation of a bad worker', async () => {
    const [problem] = await problemsOf(
      '{ "environment": { "kind": "jsonl", "path": "a" }, "judge": { "kind": "exact" }, "worker": "mistral:large" }',
    );
    expect(problem?.field).toBe('worker.model');
    expect(problem?.message).toContain('names an unknown provider "mistral"');
    expect(problem?.message).toContain('compat:<base URL>#<model>');
  });

  it('reports JSON syntax errors with their line', async () => {
    const problems = await problemsOf('{\n  "environment": { "kind": "dsl" }\n  "seed": 1\n}');
    expect(problems).toEqual([{ field: '(syntax)', line: 3, message: 'CommaExpected at column 3' }]);
  });

  it('says when there is no config, and when a TypeScript config has no default export', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ratchet-config-'));
    const missing = await loadConfig(undefined, empty).catch((caught: unknown) => caught);
    expect(UsageError.isInstance(missing)).toBe(true);
    expect((missing as Error).message).toContain('looked for ratchet.config.ts, ratchet.config.mts');
    expect((missing as Error).message).toContain(
      '(`ratchet run my.config.json`), write a starter here with `ratchet init`',
    );
    // The command that asked is the one suggested: `ratchet validate` does not suggest `ratchet run`.
    const forValidate = await loadConfig(undefined, empty, 'validate').catch((caught: unknown) => caught);
    expect((forValidate as Error).message).toContain('(`ratchet validate my.config.json`)');
    expect((forValidate as Error).message).not.toContain('ratchet run');
    await expect(loadConfig('nope.json', empty)).rejects.toThrow(
      `there is no config file at ${join(empty, 'nope.json')}`,
    );
    expect(await problemsOf('export const config = {};', 'ratchet.config.ts')).toEqual([
      { field: '(file)', message: 'has no default export; end it with `export default defineConfig({ … })`' },
    ]);
  });

  it('loads a TypeScript config outside an ESM package (compiled as CommonJS)', async () => {
    const { config } = await loadConfig(
      configFile("export default { environment: { kind: 'sat', count: 3 } };", 'ratchet.config.ts'),
    );
    expect(config.environment).toEqual({ kind: 'sat', count: 3, seed: 0 });
  });

  it('finds ratchet.config.json in the working directory', async () => {
    const file = configFile('{ "environment": { "kind": "sat", "count": 5 } }');
    const { file: found, config } = await loadConfig(undefined, dirname(file));
    expect(found).toBe(file);
    expect(config.environment).toEqual({ kind: 'sat', count: 5, seed: 0 });
  });
});
