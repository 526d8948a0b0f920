import { type Corpus, openCorpus } from '@ratchet/corpus';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { satController } from './sat-controller';
import { satFamily } from './sat-family';
import { SatOptionsError } from './sat-options-error';
import { satTasks } from './sat-tasks';
import { defaultSatFlips } from './sat-worker';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

describe('satFamily', () => {
  it('reads its options as a config writes them: count per split (default 40), seed, flips', () => {
    expect(satFamily.options.parse({})).toEqual({ count: 40, seed: 0 });
    const refused = satFamily.options.safeParse({ count: 100_001, flips: 2.5 });
    expect(refused.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'count: must be at most 100000 (tasks per split)',
      'flips: must be a whole number of flips',
    ]);
    expect(() => satFamily.create({ flips: 0 })).toThrow(SatOptionsError);
  });

  it('draws count tasks per split, and its environment serves all three splits', async () => {
    const all = await satFamily.draw({ count: 2, seed: 5 });
    expect(all.map((task) => task.id)).toEqual([
      'sat-5-train-0000',
      'sat-5-train-0001',
      'sat-5-val-0000',
      'sat-5-val-0001',
      'sat-5-holdout-0000',
      'sat-5-holdout-0001',
    ]);
    expect(await satFamily.draw({ count: 2, seed: 5 }, 'holdout')).toEqual(
      satTasks({ count: 2, seed: 5, split: 'holdout' }),
    );
    expect(await satFamily.create({ count: 2, seed: 5 }).environment.tasks()).toEqual(all);
  });

  it('runs random(2) and refine(2) end to end and records verdicts with flips and unsatisfied clauses', async () => {
    const sat = satFamily.create({ count: 12, seed: 3, flips: 1500 });
    const arms = [
      { id: 'random', ...random(2) },
      { id: 'refine', ...refine(2, { controller: sat.controller('refine') }) },
    ];
    const summary = await runBenchmark({ ...sat, corpus, arms, seed: 1, backoffMs: 1 });
    expect(summary.status).toBe('completed');
    expect(summary.arms.map((arm) => arm.cells)).toEqual([12, 12]);
    expect(summary.arms.every((arm) => arm.infraCells === 0 && arm.resolved >= 6)).toBe(true);
    expect(summary.contrasts[0]).toMatchObject({ name: 'steering', n: 12 });
    const records = await corpus.records({ armId: 'refine' });
    const continued = records.filter((record) => record.checkpoint !== null);
    expect(continued.length).toBeGreaterThan(0);
    expect(continued.every((record) => record.steer?.parameters?.noise !== undefined)).toBe(true);
    const verdict = records.find((record) => record.verdict !== null)?.verdict;
    expect(Object.keys(verdict?.scores ?? {})).toEqual(expect.arrayContaining(['correct', 'unsatisfied', 'flips']));
  });

  it(`solves 28 of 40 tasks in one attempt at the default ${defaultSatFlips} flips`, async () => {
    const sat = satFamily.create({ count: 40, seed: 0 });
    const budget = { attempts: 1, usd: null, tokens: null, wallMs: null };
    let solved = 0;
    for (const task of await sat.environment.tasks('train')) {
      const view = { id: task.id, split: task.split, input: task.input };
      const handle = await sat.environment.open(view);
      const input = { task: view, handle, steer: null, checkpoint: null, budget, seed: `one/${task.id}` };
      const result = await sat.worker.attempt(input, new AbortController().signal);
      if ((await sat.judge.judge(task, result.output)).resolved) solved++;
    }
    expect(solved).toBe(28);
  });

  it('gives every arm the default controller, or its parameters over the defaults', () => {
    const sat = satFamily.create({ count: 1 });
    expect(sat.controller('any').hash).toBe(satController.hash);
    expect(sat.controller('any', { maxNoise: 0.9 }).parameters).toMatchObject({ maxNoise: 0.9, noise: 0.5 });
  });
});
