import { type Corpus, CorpusError, openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { digitBenchmark } from '../fixtures/digits-benchmark';
import { random, refine } from '../strategies/built-in-strategies';
import { runBenchmark } from './run-benchmark';

/** What a PostgreSQL corpus throws past its own retries: retryable, nothing partial written. */
class StoreDown extends CorpusError {
  readonly isRetryable = true;
  constructor() {
    super('cannot reach the PostgreSQL corpus (connection refused)');
  }
}

/** The corpus, with each append failing when `down()` says so. */
function flaky(corpus: Corpus, down: () => boolean): Corpus {
  return new Proxy(corpus, {
    get(target, property) {
      if (property === 'append' && down()) return async () => Promise.reject(new StoreDown());
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

const arms = [
  { id: 'random', ...random(2) },
  { id: 'refine', ...refine(2) },
];

describe('a store that cannot be written for now', () => {
  it('pauses the run (infra, the failure kept) instead of failing it, and the same run resumes once it is back', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    // The store goes down after six appends (the manifest is not an append), and comes back later.
    let appends = 0;
    let failAfter = 6;
    const store = flaky(corpus, () => ++appends > failAfter);
    const paused = await runBenchmark({
      ...digitBenchmark(6),
      corpus: store,
      arms,
      seed: 3,
      concurrency: 1,
      backoffMs: 1,
    });
    expect(paused.stopReason).toBe('infra');
    const manifest = await corpus.manifest(paused.runId);
    expect(manifest).toMatchObject({ status: 'interrupted', stopReason: 'infra' });
    expect(manifest?.stopDetail).toBe('cannot reach the PostgreSQL corpus (connection refused)');
    const before = (await corpus.cells({ runId: paused.runId })).length;
    expect(before).toBeLessThan(12);

    failAfter = Number.POSITIVE_INFINITY;
    const resumed = await runBenchmark({
      ...digitBenchmark(6),
      corpus: store,
      arms,
      seed: 3,
      concurrency: 1,
      backoffMs: 1,
    });
    expect(resumed.stopReason).toBe('completed');
    expect((await corpus.cells({ runId: paused.runId })).length).toBe(12);
    await corpus.close();
  });
});
