import { openCorpus, supersededCellOf } from '@ratchet/corpus';
import { buildCellRecord, buildManifest, buildRunRecord } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { cellToRunNow } from './cell-to-run-now';

const planned = {
  task: { id: 'task-1', split: 'train' as const, input: 'p' },
  replicate: 0,
  arm: { id: 'random' },
};
const cellId = 'run-1/random/task-1/r0';

async function corpusWith(records: Parameters<Awaited<ReturnType<typeof openCorpus>>['append']>[0]) {
  const corpus = await openCorpus('sqlite::memory:');
  await corpus.putManifest(buildManifest({ runId: 'run-1' }));
  await corpus.append(records);
  return corpus;
}

describe('cellToRunNow (a worker deciding on a delivered cell)', () => {
  it('runs a cell nothing was recorded for as try 0', async () => {
    const corpus = await corpusWith([]);
    expect(await cellToRunNow(corpus, 'run-1', planned, null)).toMatchObject({ cellId, tryNumber: 0 });
  });

  it('gives a try a killed worker left half-done (attempts, no cell) a successor, never overwriting it', async () => {
    const corpus = await corpusWith([
      buildRunRecord({ recordId: `${cellId}/t0/a0`, try: 0, attempt: 0 }),
      buildRunRecord({ recordId: `${cellId}/t1/a0`, try: 1, attempt: 0 }),
      // Another cell's later try does not count.
      buildRunRecord({ recordId: 'run-1/random/task-2/r0/t5/a0', taskId: 'task-2', try: 5 }),
    ]);
    expect(await cellToRunNow(corpus, 'run-1', planned, null)).toMatchObject({ cellId, tryNumber: 2 });
  });

  it('does nothing for a cell already recorded: a repeated delivery runs nothing', async () => {
    const corpus = await corpusWith([buildCellRecord({ cellId, try: 0 })]);
    expect(await cellToRunNow(corpus, 'run-1', planned, null)).toBeNull();
    // Even as a retry of infra: the recorded cell has an outcome.
    expect(await cellToRunNow(corpus, 'run-1', planned, 0)).toBeNull();
  });

  it('re-runs the recorded infra cell a retry names, keeping it whole, and no later one', async () => {
    const infra = buildCellRecord({
      cellId,
      try: 0,
      status: 'infra',
      infra: { error: 'sandbox died', retries: 3 },
      verdict: null,
      finalAttemptId: null,
      finalOutput: null,
      attemptIds: [],
      attempts: 0,
    });
    const corpus = await corpusWith([infra]);
    const redo = await cellToRunNow(corpus, 'run-1', planned, 0);
    expect(redo).toMatchObject({ cellId, tryNumber: 1 });
    expect(redo?.supersedes).toEqual([supersededCellOf(infra as typeof infra & { status: 'infra' })]);
    // A job for an older infra try (its cell since replaced by try 0 here) is not run again.
    expect(await cellToRunNow(corpus, 'run-1', planned, 3)).toBeNull();
  });
});
