import { type Corpus, openCorpus } from '@ratchet/corpus';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dslBenchmark } from './dsl-benchmark';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

describe('dslBenchmark', () => {
  it('runs end to end through runBenchmark with random(2) and refine(2), steering the worker', async () => {
    const { environment, worker, judge, analyst, controller } = dslBenchmark({ count: 5, seed: 0, budget: 4_000 });
    const summary = await runBenchmark({
      environment,
      worker,
      judge,
      analyst,
      corpus,
      arms: [
        { id: 'random', ...random(2) },
        { id: 'refine', ...refine(2, { controller }) },
      ],
      seed: 1,
      backoffMs: 1,
    });
    expect(summary.status).toBe('completed');
    expect(summary.arms.map((arm) => [arm.armId, arm.cells, arm.infraCells])).toEqual([
      ['random', 3, 0],
      ['refine', 3, 0],
    ]);
    const records = await corpus.records({ runId: summary.runId });
    const steered = records.filter((record) => record.armId === 'refine' && record.steer !== null);
    // Refine continues from the checkpoint with the controller's parameters whenever a task is unsolved.
    expect(steered.length).toBeGreaterThan(0);
    expect(
      steered.every((record) => record.checkpoint !== null && typeof record.steer?.parameters?.maxDepth === 'number'),
    ).toBe(true);
    expect(records.every((record) => record.verdict === null || 'hiddenPassRate' in record.verdict.scores)).toBe(true);
    expect(summary.contrasts[0]?.name).toBe('steering');
  });
});
