import { openCorpus } from '@ratchet/corpus';
import { blind, SplitOverlapError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { climbing } from './fixtures/killable-search-options';
import { gate } from './gate/gate';
import { HoldoutSpentError } from './gate/holdout-ledger';
import { type ImproveOptions, improve } from './improve';
import { noProposerUsage } from './proposers/proposer';
import { dialController, dialFamily } from './test/dial-family';

async function setup(overrides: Partial<ImproveOptions> = {}) {
  const corpus = await openCorpus('sqlite::memory:');
  const dial = dialFamily({ perSplit: 12 });
  const options: ImproveOptions = {
    corpus,
    family: dial.family,
    benchmark: 'dial',
    baseline: dialController,
    plan: (controller) => blind({ controller }),
    splits: { train: dial.train, val: dial.val, holdout: { key: 'dial rotation=0', tasks: dial.holdout } },
    proposer: climbing,
    budget: { iterations: 4 },
    acceptance: { rule: 'strict' },
    minibatch: 6,
    seed: 3,
    familyConfig: dial.config,
    ...overrides,
  };
  return { corpus, dial, options };
}

describe('improve', () => {
  it('searches on train and val, then spends the holdout once on the best candidate', async () => {
    const { corpus, options } = await setup();
    const result = await improve(options);
    expect(result.search.best.hash).not.toBe(dialController.hash);
    expect(result.gate?.record).toMatchObject({
      optimizationId: result.search.optimizationId,
      incumbent: { hash: dialController.hash },
      candidate: { hash: result.search.best.hash },
      holdoutTasks: 12,
    });
    expect(result.promoted).toBe(result.gate?.decision.promoted);
    expect(result.summary).toContain(result.search.best.hash);
    // The search never ran a holdout task; the gate's run did, once per arm.
    const holdoutCells = [];
    for (const run of await corpus.runs()) {
      for (const cell of await corpus.cells({ runId: run.runId }))
        if (cell.split === 'holdout') holdoutCells.push(cell);
    }
    expect(new Set(holdoutCells.map((cell) => cell.runId))).toEqual(new Set([result.gate?.runId]));
    expect(holdoutCells).toHaveLength(24);
  });

  it('runs the holdout with the gate family when one is given (a rotated draw), the search with its own', async () => {
    const { options, dial } = await setup();
    const other = dialFamily({ perSplit: 12 });
    const result = await improve({ ...options, gateFamily: other.family });
    expect(result.gate).not.toBeNull();
    // Every holdout cell (12 tasks × incumbent and candidate, one attempt each) ran on the gate family.
    expect(other.attempts()).toBe(24);
    expect(dial.attempts()).toBeGreaterThan(0);
  });

  it('refuses overlapping splits before anything runs', async () => {
    const { options, dial } = await setup();
    const overlapping = { ...options.splits, val: [...dial.val, dial.train[0] as (typeof dial.train)[number]] };
    await expect(improve({ ...options, splits: overlapping })).rejects.toThrow(SplitOverlapError);
    expect(dial.attempts()).toBe(0);
  });

  it('refuses a holdout already spent for the baseline before paying for a search', async () => {
    const { options, dial } = await setup();
    await gate({
      corpus: options.corpus,
      family: dial.family,
      benchmark: 'dial',
      plan: options.plan,
      incumbent: dialController,
      candidate: dialController.withParameters({ dial: 5, note: 'begin' }),
      holdout: options.splits.holdout,
      seed: 1,
    });
    const spent = dial.attempts();
    await expect(improve(options)).rejects.toThrow(HoldoutSpentError);
    expect(dial.attempts()).toBe(spent);
  });

  it('does not spend the holdout when the search kept the baseline', async () => {
    const stuck = {
      ...climbing,
      propose: async () => ({ kind: 'invalid' as const, reason: 'nothing to say', usage: noProposerUsage }),
    };
    const { corpus, options } = await setup({ proposer: stuck, budget: { iterations: 2 } });
    const result = await improve(options);
    expect(result.gate).toBeNull();
    expect(result.summary).toContain('the holdout was not spent');
    expect(await corpus.gateRecords()).toEqual([]);
  });
});
