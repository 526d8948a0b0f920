import { type Corpus, openCorpus } from '@ratchet/corpus';
import { buildCellRecord } from '@ratchet/corpus/test';
import type { CellJobStates } from '@ratchet/queue';
import type { CellToRun, RunProgress } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { followRun } from './follow-run';

const none: CellJobStates = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };

/** A queue that reports the given states, in turn (the last repeats), and counts cancellations. */
function fakeQueue(...states: Array<Partial<CellJobStates>>) {
  let calls = 0;
  const queue = {
    cancelled: 0,
    async states() {
      const next = states[Math.min(calls++, states.length - 1)];
      return { ...none, ...next };
    },
    async cancelWaiting() {
      queue.cancelled++;
      return 3;
    },
  };
  return queue;
}

const pending = (tasks: string[]): Array<CellToRun<{ id: string }>> =>
  tasks.map((task) => ({
    cellId: `run-1/random/${task}/r0`,
    tryNumber: 0,
    task: { id: task, split: 'train', input: task },
    replicate: 0,
    arm: { id: 'random' },
  }));

const cell = (task: string, usd: number | null = 0.01) =>
  buildCellRecord({
    runId: 'run-1',
    cellId: `run-1/random/${task}/r0`,
    taskId: task,
    spend: {
      turns: 1,
      tokensIn: 1,
      tokensOut: 1,
      usd,
      wallMs: 1,
      workUnits: 1,
      costProvenance: usd === null ? 'unknown' : 'measured',
    },
  });

async function follow(
  corpus: Corpus,
  queue: ReturnType<typeof fakeQueue>,
  options: Partial<Parameters<typeof followRun>[0]> = {},
) {
  const progress: RunProgress[] = [];
  const followed = await followRun({
    corpus,
    queue,
    runId: 'run-1',
    pending: pending(['a', 'b', 'c']),
    skipped: 0,
    spendCap: null,
    signal: new AbortController().signal,
    onProgress: (line) => progress.push(line),
    noWorkerHint: 'start a worker',
    intervalMs: 5,
    ...options,
  });
  return { followed, progress };
}

describe('followRun (the coordinator of a queued run)', () => {
  it('reports each cell as workers record it, and completes when the last lands', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await corpus.append([cell('a')]);
    const landing = setTimeout(() => void corpus.append([cell('b'), cell('c')]), 30);
    const { followed, progress } = await follow(corpus, fakeQueue({ active: 2 }));
    clearTimeout(landing);
    expect(followed).toEqual({ stopReason: 'completed', failure: null, stopDetail: null, stillRunning: 0 });
    expect(progress.map((line) => [line.lastCell.taskId, line.cellsDone, line.cellsTotal])).toEqual([
      ['a', 1, 3],
      ['b', 2, 3],
      ['c', 3, 3],
    ]);
    expect(progress.at(-1)?.usdSpent).toBeCloseTo(0.03, 12);
  });

  it('holds the spend cap across workers: cancels the waiting cells, lets the running ones finish', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    // Two cells of $0.01 recorded since the run was queued: its $0.02 cap is spent.
    await corpus.append([cell('a'), cell('b')]);
    const queue = fakeQueue({ created: 1, active: 1 }, { active: 1 }, { active: 0 });
    const { followed } = await follow(corpus, queue, { spendCap: { usd: 0.02, baselineUsd: 0 } });
    expect(followed).toMatchObject({ stopReason: 'spend-cap', failure: null, stillRunning: 0 });
    expect(queue.cancelled).toBe(1);
  });

  it('refuses a cap on dollars a worker did not measure', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await corpus.append([cell('a', null)]);
    const { followed } = await follow(corpus, fakeQueue({ created: 2 }), { spendCap: { usd: 1, baselineUsd: 0 } });
    expect(followed.stopReason).toBe('completed');
    expect(String(followed.failure)).toMatch(/usd/);
  });

  it('on Ctrl+C cancels the waiting cells and says how many are still running on workers', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const queue = fakeQueue({ created: 1, active: 2 });
    const { followed } = await follow(corpus, queue, { signal: controller.signal });
    expect(followed).toEqual({ stopReason: 'signal', failure: null, stopDetail: null, stillRunning: 2 });
    expect(queue.cancelled).toBe(1);
  });

  it('stops, saying why, when cells are neither recorded nor queued any more', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await corpus.append([cell('a')]);
    const { followed } = await follow(corpus, fakeQueue({ cancelled: 2 }));
    expect(followed.stopReason).toBe('infra');
    expect(followed.stopDetail).toMatch(/^2 cell\(s\) of run run-1 are neither recorded nor queued/);
  });
});
