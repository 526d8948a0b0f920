import { preflight, ratchetConfigSchema } from '@ratchet/config';
import { type Corpus, openCorpus } from '@ratchet/corpus';
import {
  type Arm,
  type BenchmarkPlan,
  type PlannedCell,
  type PlannedCellContext,
  planBenchmark,
  RecordWriter,
  type RunBenchmarkOptions,
  rateLimited,
} from '@ratchet/runtime';
import { type BenchmarkSetup, benchmarkSetup } from '../run/benchmark-setup';
import type { QueuedRun } from './queued-run';
import { WorkerMismatchError } from './worker-mismatch-error';

/** A queued run built on this worker: its plan, its cells by coordinates, and what its cells run with. */
export interface PreparedRun {
  readonly spec: QueuedRun;
  readonly corpus: Corpus;
  readonly plan: BenchmarkPlan;
  readonly options: RunBenchmarkOptions;
  readonly context: PlannedCellContext;
  cell(armId: string, taskId: string, replicate: number): PlannedCell<Arm> | undefined;
}

const cellKey = (armId: string, taskId: string, replicate: number) => `${armId}\u0000${taskId}\u0000${replicate}`;

/**
 * The runs this worker has taken cells of, each built once (environment, agent, judge) and kept for
 * its next cells. Building checks the worker is running the run the coordinator planned: the same
 * config hash, from this machine's files.
 */
export class PreparedRuns {
  readonly #runs = new Map<string, Promise<PreparedRun>>();
  readonly #setups: BenchmarkSetup[] = [];
  readonly #corpora = new Map<string, Promise<Corpus>>();
  readonly #signal: AbortSignal;

  constructor(signal: AbortSignal) {
    this.#signal = signal;
  }

  get(spec: QueuedRun): Promise<PreparedRun> {
    const key = `${spec.runId}\u0000${spec.configHash}`;
    let run = this.#runs.get(key);
    if (run === undefined) {
      run = this.#prepare(spec);
      // A build that failed is tried again with the next job (the store may have been down).
      run.catch(() => this.#runs.delete(key));
      this.#runs.set(key, run);
    }
    return run;
  }

  async close(): Promise<void> {
    for (const setup of this.#setups.splice(0)) await setup.close().catch(() => undefined);
    for (const corpus of this.#corpora.values()) await (await corpus.catch(() => null))?.close();
    this.#corpora.clear();
    this.#runs.clear();
  }

  async #prepare(spec: QueuedRun): Promise<PreparedRun> {
    const parsed = ratchetConfigSchema.safeParse(spec.config);
    if (!parsed.success)
      throw new WorkerMismatchError(
        spec.runId,
        `its config does not validate here (${parsed.error.issues[0]?.message})`,
      );
    const config = parsed.data;
    const setup = await benchmarkSetup(config, { source: spec.source, configDir: spec.configDir });
    this.#setups.push(setup);
    for (const line of await preflight(config)) process.stderr.write(`preflight ok · ${line}\n`);
    const corpus = await this.#corpus(spec.store);
    const worker = setup.built.createWorker();
    const options = setup.options({
      corpus,
      worker,
      runId: spec.runId,
      ...(spec.retryFailedOf === null ? {} : { retryFailedOf: spec.retryFailedOf }),
      signal: this.#signal,
    });
    const plan = await planBenchmark(options);
    if (plan.configHash !== spec.configHash) {
      throw new WorkerMismatchError(
        spec.runId,
        `its config builds run identity ${plan.configHash} here, ${spec.configHash} where it was queued`,
      );
    }
    const cells = new Map(plan.cells.map((cell) => [cellKey(cell.arm.id, cell.task.id, cell.replicate), cell]));
    return {
      spec,
      corpus,
      plan,
      options,
      context: {
        // A provider's rate limit holds per worker process: each worker spaces its own attempts.
        worker: options.rateLimit ? rateLimited(worker, options.rateLimit) : worker,
        analyst: options.analyst ?? setup.built.createAnalyst(),
        writer: new RecordWriter(corpus),
        signal: this.#signal,
        now: () => new Date(),
      },
      cell: (armId, taskId, replicate) => cells.get(cellKey(armId, taskId, replicate)),
    };
  }

  #corpus(store: string): Promise<Corpus> {
    let corpus = this.#corpora.get(store);
    if (corpus === undefined) {
      corpus = openCorpus(store);
      corpus.catch(() => this.#corpora.delete(store));
      this.#corpora.set(store, corpus);
    }
    return corpus;
  }
}
