import { type Corpus, openCorpus } from '@ratchet/corpus';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dslEnvironment } from './dsl/dsl-environment';
import { dslJudge } from './dsl/dsl-judge';
import { dslWorker } from './dsl/dsl-worker';
import { satEnvironment } from './sat/sat-environment';
import { satJudge } from './sat/sat-judge';
import { satWorker } from './sat/sat-worker';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

const arms = [
  { id: 'random', ...random(2) },
  { id: 'refine', ...refine(2) },
];

describe('work units in the record', () => {
  it('dsl: each attempt records the search steps it used, within its budget, and the manifest names the unit', async () => {
    const worker = dslWorker({ budget: 300 });
    const environment = dslEnvironment({ count: 5, seed: 0 });
    const summary = await runBenchmark({ environment, worker, judge: dslJudge(), corpus, arms, backoffMs: 1 });
    const records = await corpus.records({ runId: summary.runId });
    const units = Object.fromEntries(
      records.map((record) => [`${record.armId} ${record.taskId} ${record.attempt}`, record.usage.workUnits]),
    );
    // Seed 0, budget 300: attempts on dsl-0-0000 and dsl-0-0002 spend the whole budget, those on the easy
    // dsl-0-0001 what they needed — 0 for refine's second, which continued from a search already solved.
    expect(units).toEqual({
      'random dsl-0-0000 0': 300,
      'random dsl-0-0000 1': 300,
      'random dsl-0-0001 0': 30,
      'random dsl-0-0001 1': 26,
      'random dsl-0-0002 0': 300,
      'random dsl-0-0002 1': 300,
      'refine dsl-0-0000 0': 300,
      'refine dsl-0-0000 1': 300,
      'refine dsl-0-0001 0': 10,
      'refine dsl-0-0001 1': 0,
      'refine dsl-0-0002 0': 300,
      'refine dsl-0-0002 1': 300,
    });
    expect(records.every((record) => record.usage.turns === null && record.usage.usd === null)).toBe(true);
    expect((await corpus.manifest(summary.runId))?.worker.workUnit).toBe('search steps');
  });

  it('sat: each attempt records its flips as work units, not as turns', async () => {
    const worker = satWorker({ flips: 20 });
    const environment = satEnvironment({ count: 3, seed: 0 });
    const summary = await runBenchmark({ environment, worker, judge: satJudge(), corpus, arms, backoffMs: 1 });
    const records = await corpus.records({ runId: summary.runId });
    // 20 flips solve none of these formulas (20–150 variables at ratio 4.2): every attempt uses all 20.
    expect(records.map((record) => [record.usage.workUnits, record.usage.turns])).toEqual(
      records.map(() => [20, null]),
    );
    expect(records.every((record) => record.verdict?.scores.flips?.value === 20)).toBe(true);
    expect((await corpus.manifest(summary.runId))?.worker.workUnit).toBe('flips');
  });
});
