import { type Corpus, openCorpus } from '@ratchet/corpus';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simBenchmark } from './sim-benchmark';
import { simController } from './sim-controller';
import { simTrueSuccessRate } from './sim-success-probability';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

const arms = [
  { id: 'random', ...random(2) },
  { id: 'refine', ...refine(2, { controller: simController('treated') }) },
];

describe('simBenchmark (calibration simulator — not a benchmark)', () => {
  it('finds a planted effect of 0.3 in the run summary, its interval covering the true difference', async () => {
    const sim = simBenchmark({ count: 150, seed: 2, effects: { treated: 0.3 } });
    const tasks = await sim.environment.tasks('train');
    const summary = await runBenchmark({ ...sim, corpus, arms, seed: 8, backoffMs: 1, oracle: false });
    const steering = summary.contrasts[0];
    const truth = simTrueSuccessRate(tasks, 0.3) - simTrueSuccessRate(tasks, 0);
    expect(steering?.name).toBe('steering');
    expect(steering?.low).toBeGreaterThan(0);
    expect(steering?.pValue).toBeLessThan(0.01);
    expect(steering?.low).toBeLessThan(truth);
    expect(steering?.high).toBeGreaterThan(truth);
  });

  it('finds no effect when the planted effect is 0: the interval covers 0', async () => {
    const sim = simBenchmark({ count: 150, seed: 2, effects: { treated: 0 } });
    const summary = await runBenchmark({ ...sim, corpus, arms, seed: 8, backoffMs: 1, oracle: false });
    const steering = summary.contrasts[0];
    expect(steering?.low).toBeLessThan(0);
    expect(steering?.high).toBeGreaterThan(0);
    expect(summary.arms.map((arm) => arm.attempts)).toEqual([300, 300]);
  });
});
