import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

function configFile(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-optimize-config-'));
  const file = join(dir, 'ratchet.config.json');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** The problems loadConfig reports for a dsl config with this optimize section, as `field: message`. */
async function problemsOf(optimize: object, rest: object = { environment: { kind: 'dsl', count: 20 } }) {
  const error = await loadConfig(configFile({ ...rest, optimize })).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map((problem) => `${problem.field}: ${problem.message}`);
}

describe('the optimize section', () => {
  it('fills in the defaults around a budget: refine@4, the parametric proposer, strict acceptance, success', async () => {
    // The optimize section of apps/bench/examples/dsl.optimize.config.json.
    const { config } = await loadConfig(
      configFile({
        environment: { kind: 'dsl', count: 100, seed: 0 },
        worker: 'builtin',
        optimize: {
          strategy: 'refine',
          k: 4,
          proposer: 'parametric',
          budget: { cells: 200 },
          minibatch: 3,
          maxVal: 20,
          acceptance: { rule: 'strict' },
          seed: 0,
        },
      }),
    );
    expect(config.optimize).toMatchObject({
      strategy: 'refine',
      k: 4,
      baseline: {},
      proposer: { kind: 'parametric' },
      minibatch: 3,
      replicates: 1,
      acceptance: { rule: 'strict' },
      merge: false,
      objectives: [{ name: 'success', direction: 'maximize' }],
      scalarization: { success: 1 },
      gate: { confidence: 0.95, threshold: 0 },
      maxVal: 20,
      seed: 0,
    });
    expect(config.optimize?.budget.cells).toBeGreaterThan(0);
  });

  it('keeps the fixed-n gate by default, and reads a sequential gate when asked', async () => {
    const file = configFile({
      environment: { kind: 'dsl', count: 20 },
      optimize: { budget: { cells: 50 }, gate: { sequential: { maxItems: 100, minEffect: 0.1 } } },
    });
    expect((await loadConfig(file)).config.optimize?.gate.sequential).toEqual({ maxItems: 100, minEffect: 0.1 });
    const plain = configFile({ environment: { kind: 'dsl', count: 20 }, optimize: { budget: { cells: 50 } } });
    expect((await loadConfig(plain)).config.optimize?.gate.sequential).toBeUndefined();
    const problems = await problemsOf({ budget: { cells: 50 }, gate: { sequential: { maxItems: 0, minEffect: 0 } } });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^optimize\.gate\.sequential\.maxItems: /);
    expect(problems[1]).toMatch(/^optimize\.gate\.sequential\.minEffect: /);
  });

  it('refuses a search with no budget: it would never stop', async () => {
    expect(await problemsOf({ budget: {} })).toEqual([
      'optimize.budget: give at least one cap: { "cells": 200 }, { "usd": 5 } or { "iterations": 20 }; a search without one never stops',
    ]);
    expect((await problemsOf({ k: 2 }))[0]).toMatch(/^optimize\.budget: /);
  });

  it('refuses a dollar cap on the dsl family, whose worker does not measure dollars', async () => {
    expect(await problemsOf({ budget: { usd: 5 } })).toEqual([
      "optimize.budget.usd: cannot be enforced: the dsl family's worker does not measure dollars, so the spend would be unknown; cap cells or iterations instead",
    ]);
  });

  it('refuses an acceptance rule that does not exist or a sign-test level outside (0, 1)', async () => {
    expect((await problemsOf({ budget: { cells: 50 }, acceptance: { rule: 'greedy' } }))[0]).toMatch(
      /^optimize\.acceptance\.rule: /,
    );
    expect(await problemsOf({ budget: { cells: 50 }, acceptance: { rule: 'sign', alpha: 2 } })).toEqual([
      'optimize.acceptance.alpha: Too big: expected number to be <1',
    ]);
  });

  it('refuses weights on objectives not searched, objectives the worker does not meter, and a baseline out of bounds', async () => {
    expect(
      await problemsOf({
        budget: { cells: 50 },
        objectives: [
          { name: 'success', direction: 'maximize' },
          { name: 'tokens', direction: 'minimize' },
        ],
        scalarization: { success: 1, wallMs: 0.5 },
        baseline: { depthIncrement: 9 },
      }),
    ).toEqual([
      'optimize.scalarization.wallMs: weighs "wallMs", which is not an objective; objectives: success, tokens',
      "optimize.objectives[1].name: the dsl family's worker does not measure tokens; every value would be unknown",
      'optimize.baseline.depthIncrement: Too big: expected number to be <=3',
    ]);
  });

  it('refuses a dollar cap with a reflective model of unknown price on a dataset, and accepts it with a price', async () => {
    const dataset = {
      environment: { kind: 'jsonl', path: 'qa.jsonl' },
      judge: { kind: 'exact' },
      worker: 'openai:gpt-4o-mini',
    };
    const reflective = { kind: 'reflective', model: 'compat:http://localhost:11434/v1#qwen3' };
    expect(await problemsOf({ budget: { usd: 2 }, proposer: reflective }, dataset)).toEqual([
      'optimize.proposer.price: compat:http://localhost:11434/v1#qwen3 has no known price, so its calls could not count against budget.usd; give { "inputPerMTok", "outputPerMTok" }',
    ]);
    const priced = { ...reflective, price: { inputPerMTok: 0.1, outputPerMTok: 0.4 } };
    const { config } = await loadConfig(configFile({ ...dataset, optimize: { budget: { usd: 2 }, proposer: priced } }));
    expect(config.optimize?.proposer).toEqual(priced);
  });
});
