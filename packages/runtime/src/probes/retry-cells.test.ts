// `--retry-infra` and `--retry-failed` must not lie: an infra cell (no outcome) may get a new try that
// keeps the old one and its spend; a failed cell (an outcome) is never re-run into its run, and a retry
// of failures is a new run whose rates are conditional on failure and that no contrast is measured on.
import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { InfraError } from '../contracts/infra-error';
import { RuntimeError } from '../contracts/runtime-error';
import { digitBenchmark, digitGuess } from '../fixtures/digits-benchmark';
import { compareRuns } from '../run/compare-runs';
import { isFailedCell } from '../run/failed-cells';
import { runBenchmark } from '../run/run-benchmark';
import { random, refine } from '../strategies/built-in-strategies';

const arms = [
  { id: 'random', ...random(2) },
  { id: 'refine', ...refine(2) },
];

describe('retrying cells', () => {
  it('re-runs infra cells as a new try that keeps the old cell whole; their spend stays the arm’s', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    let sandboxUp = false;
    const worker = (input: Parameters<typeof digitGuess>[0]) => {
      if (!sandboxUp && input.task.id === 'task-01') throw new InfraError('the sandbox for task-01 crashed');
      return { ...digitGuess(input), usage: { ...digitGuess(input).usage, wallMs: 5 } };
    };
    const options = { ...digitBenchmark(4, worker), corpus, arms, runId: 'flaky', concurrency: 1, backoffMs: 1 };
    const first = await runBenchmark(options);
    expect(first.arms.map((arm) => arm.infraCells)).toEqual([1, 1]);
    const attemptsBefore = await corpus.recordIds({ runId: 'flaky' });

    // A plain resume repeats nothing, infra cells included.
    await runBenchmark(options);
    expect(await corpus.recordIds({ runId: 'flaky' })).toEqual(attemptsBefore);

    sandboxUp = true;
    const retried = await runBenchmark({ ...options, retry: 'infra' });
    expect(retried.arms.map((arm) => arm.infraCells)).toEqual([0, 0]);
    const cells = await corpus.cells({ runId: 'flaky', taskId: 'task-01' });
    for (const cell of cells) {
      expect(cell).toMatchObject({ status: 'ok', try: 1 });
      expect(cell.supersedes?.map((old) => [old.status, old.try, old.infra?.error])).toEqual([
        ['infra', 0, 'the sandbox for task-01 crashed'],
      ]);
    }
    // The old try's attempts stay, and count as spend apart from the results.
    expect(await corpus.recordIds({ runId: 'flaky' })).toEqual(expect.arrayContaining(attemptsBefore));
    for (const arm of retried.arms) expect(arm.unfinished.attempts).toBeGreaterThan(0);
    // Cells that finished ok were not touched.
    const other = await corpus.cells({ runId: 'flaky', taskId: 'task-00' });
    expect(other.every((cell) => cell.try === 0 && cell.supersedes === undefined)).toBe(true);
    await corpus.close();
  });

  it('puts a retry of failures in a new run, conditional on failure, with no contrast (probe)', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const bench = digitBenchmark(8);
    await runBenchmark({ ...bench, corpus, arms, runId: 'original', concurrency: 2 });
    const originalCells = await corpus.cells({ runId: 'original' });
    const failed = originalCells.filter(isFailedCell);
    expect(failed.length).toBeGreaterThan(0);

    // Into the original run: refused, whatever the caller wants.
    const into = runBenchmark({ ...bench, corpus, arms, runId: 'original', retryFailedOf: 'original' });
    await expect(into).rejects.toThrow(/goes into a new run, never into the original/);

    const retry = await runBenchmark({ ...bench, corpus, arms, runId: 'original-retry', retryFailedOf: 'original' });
    expect(retry.retryOf).toEqual({ runId: 'original', cells: 'failed', selected: failed.length });
    expect(retry.contrasts).toEqual([]);
    const retried = await corpus.cells({ runId: 'original-retry' });
    expect(retried.map((cell) => `${cell.armId}/${cell.taskId}`).sort()).toEqual(
      failed.map((cell) => `${cell.armId}/${cell.taskId}`).sort(),
    );
    expect(await corpus.cells({ runId: 'original' })).toEqual(originalCells);
    // Nor can it be paired against the original (or anything) as if it were an estimate.
    await expect(compareRuns(corpus, 'original', 'original-retry')).rejects.toThrow(RuntimeError);
    await expect(compareRuns(corpus, 'original', 'original-retry')).rejects.toThrow(/conditional on failure/);
    await corpus.close();
  });
});
