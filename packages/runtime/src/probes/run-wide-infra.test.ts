// Rule 4 for failures that reach every cell (no credentials, the provider down): excluding cells one
// by one would empty the run, so the run pauses instead, says why, and resumes once it is fixed.
import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { InfraError } from '../contracts/infra-error';
import { digitBenchmark, digitGuess } from '../fixtures/digits-benchmark';
import { runBenchmark } from '../run/run-benchmark';
import { random, refine } from '../strategies/built-in-strategies';

const arms = [
  { id: 'random', ...random(2) },
  { id: 'refine', ...refine(2) },
];

describe('an infra failure that reaches every cell', () => {
  it('pauses the run at once for bad credentials, marks no cell infra, and resumes once fixed', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    let keyValid = false;
    let calls = 0;
    const worker = (input: Parameters<typeof digitGuess>[0]) => {
      calls++;
      if (!keyValid) {
        throw new InfraError('the provider refused the API key (authentication_failed)', {
          isRetryable: false,
          scope: 'run',
        });
      }
      return digitGuess(input);
    };
    const options = { ...digitBenchmark(6, worker), corpus, arms, runId: 'keyless', concurrency: 1, backoffMs: 1 };
    const paused = await runBenchmark(options);
    expect(paused).toMatchObject({
      status: 'interrupted',
      stopReason: 'infra',
      stopDetail: 'the provider refused the API key (authentication_failed)',
    });
    // Not retried, and nothing excluded: the one cell it hit is simply not done.
    expect(calls).toBe(1);
    expect(await corpus.cells({ runId: 'keyless' })).toHaveLength(0);

    keyValid = true;
    const resumed = await runBenchmark(options);
    expect(resumed).toMatchObject({ status: 'completed', stopReason: 'completed', stopDetail: null });
    expect(resumed.arms.map((arm) => arm.infraCells)).toEqual([0, 0]);
    expect(await corpus.cells({ runId: 'keyless' })).toHaveLength(12);
    await corpus.close();
  });

  it('retries an unreachable provider with backoff, and pauses if it stays down', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    let calls = 0;
    const down = () => {
      calls++;
      throw new InfraError('the provider could not be reached (connection refused)', { scope: 'run' });
    };
    const summary = await runBenchmark({
      ...digitBenchmark(6, down),
      corpus,
      arms,
      concurrency: 1,
      retries: 2,
      backoffMs: 1,
    });
    expect(summary.stopReason).toBe('infra');
    expect(calls).toBe(3);
    expect(summary.cells.recorded).toBe(0);
    await corpus.close();
  });

  it('still marks a cell infra for a failure of that cell alone', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(3, (input) => {
      if (input.task.id === 'task-01') throw new InfraError('the sandbox for task-01 crashed');
      return digitGuess(input);
    });
    const summary = await runBenchmark({ ...bench, corpus, arms, retries: 1, backoffMs: 1 });
    expect(summary.stopReason).toBe('completed');
    expect(summary.arms.map((arm) => arm.infraCells)).toEqual([1, 1]);
    await corpus.close();
  });
});
