import { testBackend, testDatabase } from '@ratchet/corpus-postgres/test';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellJob, DeadCell } from './cell-job';
import { CellQueue } from './cell-queue';

const backend = testBackend();
const database = testDatabase();
afterAll(() => database.drop());

const job = (cell: string, runId = 'run-a'): CellJob => ({
  runId,
  cellId: `${runId}/arm/${cell}/r0`,
  armId: 'arm',
  taskId: cell,
  replicate: 0,
  redoTry: null,
  run: { config: { seed: 1 } },
});

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// pg-boss needs a server (its workers hold connections across processes); PGlite is one in-process connection.
describe.skipIf(backend.kind !== 'server')('CellQueue on a real PostgreSQL', () => {
  if (backend.kind !== 'server') console.log(`cell queue tests skipped: ${backend.reason}`);

  it('adds each cell once: enqueueing a waiting cell again adds nothing', async () => {
    const queue = await CellQueue.open(await database.schemaUrl());
    try {
      expect(await queue.enqueue([job('t1'), job('t2'), job('t3')])).toEqual({ added: 3, alreadyQueued: 0 });
      expect(await queue.enqueue([job('t1'), job('t4')])).toEqual({ added: 1, alreadyQueued: 1 });
      expect((await queue.states('run-a')).created).toBe(4);
      expect(await queue.cancelWaiting('run-a')).toBe(4);
      expect(await queue.states('run-a')).toMatchObject({ created: 0, cancelled: 4 });
      // A cancelled cell can be queued again (a resumed run).
      expect(await queue.enqueue([job('t1')])).toEqual({ added: 1, alreadyQueued: 0 });
    } finally {
      await queue.close();
    }
  });

  it('hands every cell to a worker, and a cell that fails on every delivery to the dead-letter handler', async () => {
    const queue = await CellQueue.open(await database.schemaUrl());
    const ran: string[] = [];
    const deliveries: Array<[string, number, boolean]> = [];
    const dead: DeadCell[] = [];
    try {
      await queue.enqueue([job('ok1'), job('ok2'), job('bad')], { retryLimit: 1, retryDelaySeconds: 0 });
      await queue.work({
        concurrency: 2,
        run: async ({ job: cell, delivery, lastDelivery }) => {
          deliveries.push([cell.taskId, delivery, lastDelivery]);
          if (cell.taskId === 'bad') throw new Error('the worker cannot build this run');
          ran.push(cell.taskId);
        },
        dead: async (cell) => {
          dead.push(cell);
        },
      });
      await until(() => dead.length === 1 && ran.length === 2).catch(async (error) => {
        throw new Error(
          `${error.message}: ran ${ran}, deliveries ${JSON.stringify(deliveries)}, dead ${dead.length}, states ${JSON.stringify(await queue.states('run-a'))}`,
        );
      });
      expect(ran.sort()).toEqual(['ok1', 'ok2']);
      expect(deliveries.filter(([task]) => task === 'bad')).toEqual([
        ['bad', 1, false],
        ['bad', 2, true],
      ]);
      expect(dead[0]).toMatchObject({ deliveries: 2, error: 'the worker cannot build this run' });
      expect(dead[0]?.job.cellId).toBe('run-a/arm/bad/r0');
      await until(async () => (await queue.states('run-a')).completed === 2);
      expect(await queue.states('run-a')).toMatchObject({ completed: 2, failed: 1, created: 0, active: 0 });
    } finally {
      await queue.stopWorking();
      await queue.close();
    }
  });

  it('refuses a job whose data is not a cell job, naming the fields', async () => {
    const queue = await CellQueue.open(await database.schemaUrl());
    try {
      await expect(queue.enqueue([{ ...job('t1'), replicate: -1 }])).rejects.toThrow(/replicate/);
    } finally {
      await queue.close();
    }
  });
});
