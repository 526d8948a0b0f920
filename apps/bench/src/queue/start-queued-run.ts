import type { RatchetConfig } from '@ratchet/config';
import type { Corpus, RunManifest } from '@ratchet/corpus';
import type { CellJob } from '@ratchet/queue';
import {
  type Arm,
  type BenchmarkPlan,
  type CellToRun,
  cellsToRun,
  manifestOf,
  planBenchmark,
  startManifest,
  UnenforceableCapError,
} from '@ratchet/runtime';
import type { BenchmarkSetup } from '../run/benchmark-setup';
import type { QueuedRun } from './queued-run';
import { runSpendUsd } from './run-spend';

export interface StartedQueuedRun {
  plan: BenchmarkPlan;
  manifest: RunManifest;
  /** The cells still to record, as a local run would run them now. */
  pending: Array<CellToRun<Arm>>;
  skipped: number;
  /** What every job of the run carries. */
  spec: QueuedRun;
  /** One job per pending cell. */
  jobs: CellJob[];
}

/**
 * Starts a run whose cells workers will take: plans it and writes (or resumes) its manifest exactly as
 * a local run does, and makes one job per cell still to record, each carrying what a worker needs to
 * build the same run and check it is the same (`configHash`).
 *
 * @throws {UnenforceableCapError} when a spend cap is set and a recorded cell's cost was not measured.
 */
export async function startQueuedRun(
  setup: BenchmarkSetup,
  corpus: Corpus,
  input: {
    config: RatchetConfig;
    source: string;
    configDir: string;
    store: string;
    runId: string;
    retry: 'infra' | 'failed' | null;
    resumeCommand: string;
    signal: AbortSignal;
  },
): Promise<StartedQueuedRun> {
  const { config, runId } = input;
  const retryFailedOf = input.retry === 'failed' ? setup.plan.runId : null;
  const benchmark = setup.options({
    corpus,
    // The coordinator never calls the agent; the worker is built for the run's identity (id, model, version).
    worker: setup.built.createWorker(),
    runId,
    ...(input.retry === 'infra' ? { retryInfra: true } : {}),
    ...(retryFailedOf === null ? {} : { retryFailedOf }),
    resumeCommand: input.resumeCommand,
    signal: input.signal,
  });
  const plan = await planBenchmark(benchmark);
  const manifest = await startManifest(corpus, manifestOf(plan, benchmark, new Date()));
  const { pending, skipped } = await cellsToRun(corpus, runId, plan.cells, input.retry === 'infra' ? 'infra' : null);
  let spendCap: QueuedRun['spendCap'] = null;
  if (config.maxCost !== undefined) {
    const baselineUsd = await runSpendUsd(corpus, runId);
    if (baselineUsd === null) throw new UnenforceableCapError({ cap: 'usd', scope: 'run', where: `run ${runId}` });
    spendCap = { usd: config.maxCost, baselineUsd };
  }
  const spec: QueuedRun = {
    version: 1,
    runId,
    configHash: plan.configHash,
    store: input.store,
    config: config as unknown as Record<string, unknown>,
    source: input.source,
    configDir: input.configDir,
    retryFailedOf,
    spendCap,
  };
  const jobs = pending.map((cell) => ({
    runId,
    cellId: cell.cellId,
    armId: cell.arm.id,
    taskId: cell.task.id,
    replicate: cell.replicate,
    redoTry: cell.supersedes?.at(-1)?.try ?? null,
    run: spec,
  }));
  return { plan, manifest, pending, skipped, spec, jobs };
}
