import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfig } from '@ratchet/config';
import { type Corpus, openCorpus } from '@ratchet/corpus';
import { buildCellRecord } from '@ratchet/corpus/test';
import type { CellJob } from '@ratchet/queue';
import { afterEach, describe, expect, it } from 'vitest';
import { benchmarkSetup } from '../run/benchmark-setup';
import { packageDir } from '../test/ratchet-cli';
import { cellWorker } from './cell-worker';
import { PreparedRuns } from './prepared-runs';
import { type StartedQueuedRun, startQueuedRun } from './start-queued-run';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A queued run of the arithmetic stand-in agent on the packaged dataset's train split (3 tasks × 2 arms). */
async function queuedRun(extra: object = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-cell-worker-'));
  const path = join(dir, 'ratchet.config.json');
  writeFileSync(
    path,
    JSON.stringify({
      environment: { kind: 'jsonl', path: join(packageDir, '../../packages/environments/examples/arithmetic.jsonl') },
      worker: {
        kind: 'command',
        id: 'arithmetic-agent',
        command: process.execPath,
        args: [join(packageDir, 'src/fixtures/arithmetic-agent.mjs'), '{message}'],
      },
      judge: { kind: 'numeric', parse: 'last-number' },
      arms: [
        { strategy: 'random', k: 2 },
        { strategy: 'refine', k: 2 },
      ],
      ...extra,
    }),
  );
  const store = `sqlite:${join(dir, 'corpus.db')}`;
  const { config, file } = await loadConfig(path);
  const setup = await benchmarkSetup(config, { source: file, configDir: dirname(file) });
  const corpus = await openCorpus(store);
  cleanups.push(async () => {
    await corpus.close();
    await setup.close();
  });
  const started = await startQueuedRun(setup, corpus, {
    config,
    source: file,
    configDir: dirname(file),
    store,
    runId: setup.plan.runId,
    retry: null,
    resumeCommand: 'ratchet run',
    signal: new AbortController().signal,
  });
  return { corpus, started, store };
}

function worker() {
  const runs = new PreparedRuns(new AbortController().signal);
  cleanups.push(() => runs.close());
  const log: string[] = [];
  const stops: Array<[string, number]> = [];
  const handlers = cellWorker(runs, {
    log: (line) => log.push(line),
    stop: (reason, code) => stops.push([reason, code]),
  });
  return { ...handlers, log, stops };
}

const cellsOf = async (corpus: Corpus, started: StartedQueuedRun) => corpus.cells({ runId: started.plan.runId });
const taken = (job: CellJob, delivery = 1) => ({ job, delivery, lastDelivery: false });

describe('cellWorker (what `ratchet worker` does with each job)', () => {
  it('runs and records a delivered cell; a repeated delivery runs nothing', async () => {
    const { corpus, started } = await queuedRun();
    expect(started.jobs).toHaveLength(6);
    const [job] = started.jobs as [CellJob];
    const { run, log } = worker();
    await run(taken(job));
    const recorded = await cellsOf(corpus, started);
    expect(recorded.map((cell) => [cell.cellId, cell.try, cell.verdict?.resolved])).toEqual([[job.cellId, 0, true]]);
    await run(taken(job, 2));
    expect(await cellsOf(corpus, started)).toEqual(recorded);
    expect(log[1]).toBe(`skip ${job.cellId}: already recorded (delivery 2)`);
  });

  it('queues only the cells not recorded when a run is queued again (a resumed run)', async () => {
    const { corpus, started, store } = await queuedRun();
    const [job] = started.jobs as [CellJob];
    await worker().run(taken(job));
    const { config, file } = await loadConfig(join(dirname(started.spec.source), 'ratchet.config.json'));
    const setup = await benchmarkSetup(config, { source: file, configDir: dirname(file) });
    cleanups.push(() => setup.close());
    const again = await startQueuedRun(setup, corpus, {
      config,
      source: file,
      configDir: dirname(file),
      store,
      runId: started.plan.runId,
      retry: null,
      resumeCommand: 'ratchet run',
      signal: new AbortController().signal,
    });
    expect(again.skipped).toBe(1);
    expect(again.jobs.map((queued) => queued.cellId)).toEqual(started.jobs.slice(1).map((queued) => queued.cellId));
    expect(again.spec.configHash).toBe(started.spec.configHash);
  });

  it('records a cell that failed on every delivery as infra, which a retry of infra then replaces', async () => {
    const { corpus, started } = await queuedRun();
    const [job] = started.jobs as [CellJob];
    const { run, dead } = worker();
    await dead({ job, deliveries: 3, error: 'no heartbeat for 30 s' });
    const [cell] = await cellsOf(corpus, started);
    expect(cell).toMatchObject({
      cellId: job.cellId,
      status: 'infra',
      try: 0,
      attempts: 0,
      infra: { error: 'the cell failed on all 3 deliveries to workers; the last: no heartbeat for 30 s', retries: 2 },
    });
    await run(taken({ ...job, redoTry: 0 }));
    const [redone] = await cellsOf(corpus, started);
    expect(redone).toMatchObject({ cellId: job.cellId, status: 'ok', try: 1 });
    expect(redone?.supersedes?.map((earlier) => earlier.try)).toEqual([0]);
  });

  it('starts no cell once the run has spent its cap since it was queued', async () => {
    const { corpus, started } = await queuedRun();
    const [first, second] = started.jobs as [CellJob, CellJob];
    // A cell costing $0.002 lands (recorded by another worker): the run's $0.001 cap is spent.
    await corpus.append([
      buildCellRecord({ runId: started.plan.runId, cellId: first.cellId, armId: first.armId, taskId: first.taskId }),
    ]);
    const capped = { ...second, run: { ...second.run, spendCap: { usd: 0.001, baselineUsd: 0 } } };
    const { run, log } = worker();
    await run(taken(capped));
    expect(log).toEqual([`skip ${second.cellId}: the run's spend cap ($0.001) is reached`]);
    expect((await cellsOf(corpus, started)).map((cell) => cell.cellId)).toEqual([first.cellId]);
  });

  it('refuses to run cells of a run its files build differently, and stops', async () => {
    const { corpus, started } = await queuedRun();
    const [job] = started.jobs as [CellJob];
    const other = { ...job, run: { ...job.run, configHash: 'another-hash' } };
    const { run, stops } = worker();
    await expect(run(taken(other))).rejects.toThrow(
      /builds run identity [0-9a-f]{16} here, another-hash where it was queued/,
    );
    expect(stops).toHaveLength(1);
    expect(stops[0]?.[1]).toBe(2);
    expect(await cellsOf(corpus, started)).toEqual([]);
  });
});
