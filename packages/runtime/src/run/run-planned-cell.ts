import type { CellRecord, RunRecord } from '@ratchet/corpus';
import type { Analyst } from '../contracts/analyst';
import type { Worker } from '../contracts/worker';
import type { CellServices, CellSpec } from '../harness/cell-spec';
import type { RecordWriter } from '../harness/record-writer';
import { runCell } from '../harness/run-cell';
import type { CellToRun } from './cells-to-run';
import type { BenchmarkPlan } from './plan-benchmark';
import type { Arm, RunBenchmarkOptions } from './run-benchmark-options';

/** What a cell of a planned run runs with that the plan does not fix: this process's worker, writer and signal. */
export interface PlannedCellContext {
  /** The options' worker, or it wrapped (rate-limited). */
  worker: Worker;
  analyst: Analyst;
  writer: RecordWriter;
  signal: AbortSignal;
  now: () => Date;
}

/** The spec of one planned cell: where its seed, try and identity come from, in one place for every runner. */
export function cellSpecOf(plan: BenchmarkPlan, cell: CellToRun<Arm>, commitSha?: string): CellSpec {
  return {
    runId: plan.runId,
    armId: cell.arm.id,
    benchmark: plan.benchmark,
    task: cell.task,
    replicate: cell.replicate,
    plan: cell.arm,
    seed: `${plan.seed}/${cell.arm.id}/${cell.task.id}/${cell.replicate}`,
    tryNumber: cell.tryNumber,
    ...(cell.supersedes === undefined ? {} : { supersedes: cell.supersedes }),
    configHash: plan.configHash,
    ...(commitSha ? { commitSha } : {}),
  };
}

export function cellServicesOf(options: RunBenchmarkOptions, context: PlannedCellContext): CellServices {
  return {
    environment: options.environment,
    worker: context.worker,
    judge: options.judge,
    analyst: context.analyst,
    corpus: options.corpus,
    writer: context.writer,
    retry: { retries: options.retries ?? 3, backoffMs: options.backoffMs ?? 500 },
    oracle: options.oracle ?? true,
    signal: context.signal,
    now: context.now,
  };
}

/**
 * Runs one cell of a planned run and records it, the same way whether the run is local
 * (`runBenchmark`) or its cells are taken by workers from a queue.
 */
export function runPlannedCell(
  plan: BenchmarkPlan,
  cell: CellToRun<Arm>,
  options: RunBenchmarkOptions,
  context: PlannedCellContext,
): Promise<{ cell: CellRecord; attempts: RunRecord[] }> {
  return runCell(cellSpecOf(plan, cell, options.commitSha), cellServicesOf(options, context));
}
