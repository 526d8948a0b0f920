import { type Corpus, openCorpus } from '@ratchet/corpus';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { satBenchmark } from './sat-benchmark';
import { defaultSatFlips } from './sat-worker';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

describe('satBenchmark', () => {
  it('runs random(2) and refine(2) end to end and records verdicts with flips and unsatisfied clauses', async () => {
    const bench = satBenchmark({ count: 12, seed: 3, flips: 1500 });
    const arms = [
      { id: 'random', ...random(2) },
      { id: 'refine', ...refine(2, { controller: bench.controller }) },
    ];
    const summary = await runBenchmark({ ...bench, corpus, arms, seed: 1, backoffMs: 1 });
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
    const bench = satBenchmark({ count: 40, seed: 0 });
    const tasks = await bench.environment.tasks('train');
    let solved = 0;
    for (const task of tasks) {
      const input = {
        task: { id: task.id, split: task.split, input: task.input },
        handle: null,
        steer: null,
        checkpoint: null,
      };
      const budget = { attempts: 1, usd: null, tokens: null, wallMs: null };
      const result = await bench.worker.attempt(
        { ...input, budget, seed: `one/${task.id}` },
        new AbortController().signal,
      );
      if ((await bench.judge.judge(task, result.output)).resolved) solved++;
    }
    expect(solved).toBe(28);
  });
});
