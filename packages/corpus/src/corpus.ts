import type { CandidateRecord } from './candidate-record';
import type { CellRecord } from './cell-record';
import type { BlobRef, Split } from './common-schemas';
import type { FlywheelRecord } from './flywheel-record';
import type { GateRecord } from './gate-record';
import type { IterationRecord } from './iteration-record';
import type { LibraryRecord } from './library-record';
import type { OptimizationRecord } from './optimization-record';
import type { RunManifest } from './run-manifest';
import type { RunRecord } from './run-record';
import type { Usage } from './usage';
import type { Verdict } from './verdict';

export interface RecordFilter {
  runId?: string;
  benchmark?: string;
  armId?: string;
  split?: Split;
  taskId?: string;
  /** One replicate of the task: with run, arm and task, the attempts of one cell (every try). */
  replicate?: number;
  /** Inclusive lower bound on `createdAt` (ISO timestamp). */
  since?: string;
  /** Exclusive upper bound on `createdAt`. */
  until?: string;
  limit?: number;
  /** Matching records to skip first, in the same order: with `limit`, one page. */
  offset?: number;
}

export interface CellFilter {
  runId: string;
  /** Only these arms; all arms of the run when omitted. */
  arms?: readonly string[];
  benchmark?: string;
  split?: Split;
  taskId?: string;
  /** Only these tasks (one page of a run's tasks, from `runTaskIds`). */
  taskIds?: readonly string[];
  limit?: number;
  /** Matching cells to skip first, in the same order: with `limit`, one page. */
  offset?: number;
}

export interface RunFilter {
  benchmark?: string;
  status?: RunManifest['status'];
  /** Inclusive lower bound on `startedAt` (ISO timestamp). */
  since?: string;
  /** Exclusive upper bound on `startedAt`. */
  until?: string;
  /** Most recently started first (ties by id, descending) instead of oldest first. */
  newestFirst?: boolean;
  limit?: number;
  /** Matching runs to skip first, in the same order: with `limit`, one page. */
  offset?: number;
}

/** What a run's recorded cells add up to, counted by the store without reading them. */
export interface RunCellCounts {
  runId: string;
  /** Recorded cells, infra included. */
  cells: number;
  /** Cells the harness failed on (`status: 'infra'`). */
  infra: number;
  /** Cells with a verdict, and of those, the resolved ones. */
  judged: number;
  resolved: number;
}

/** One page of a run's task ids (those with a recorded cell), in id order, and how many there are in all. */
export interface TaskIdPage {
  taskIds: string[];
  total: number;
}

/** One arm of one run: the side of a paired comparison. */
export interface ArmSelector {
  runId: string;
  armId: string;
}

/** What to compare per task: pass/fail, a verdict objective, or a spend figure of the cell. */
export type PairMetric = 'resolved' | { objective: string } | { spend: Exclude<keyof Usage, 'costProvenance'> };

export interface PairsQuery {
  baseline: ArmSelector;
  candidate: ArmSelector;
  metric: PairMetric;
  benchmark?: string;
  split?: Split;
}

/**
 * Two arms' outcomes aligned by task, ready for `@ratchet/stats` (`pairedBootstrap(baseline, candidate)`).
 * Replicates are averaged per task first. Tasks are left out, and listed, when every cell of either
 * side is an infra failure, when a side has no measured value (unjudged or unmeasured), or when only
 * one side ran the task.
 */
export interface PairedOutcomes {
  taskIds: string[];
  baseline: number[];
  candidate: number[];
  /** Replicates averaged for each task, per side. */
  replicates: { baseline: number[]; candidate: number[] };
  excluded: { infra: string[]; unmeasured: string[]; unpaired: string[] };
  /** Infra cells left out of tasks that still had usable replicates. */
  infraCells: number;
}

/**
 * What the optimizer writes besides an optimization's lifecycle record: candidates, iterations,
 * holdout-ledger entries, the libraries its learners extract from the corpus, and the decisions of
 * its flywheel tests.
 */
export type OptimizerRecord = CandidateRecord | IterationRecord | GateRecord | LibraryRecord | FlywheelRecord;

export interface CandidateFilter {
  optimizationId?: string;
  /** Candidates with this controller hash, in any optimization. */
  hash?: string;
}

export interface GateFilter {
  benchmark?: string;
  holdoutKey?: string;
  incumbentHash?: string;
  candidateHash?: string;
}

export interface LibraryFilter {
  /** The miner that learned it, e.g. `dsl-fragments`. */
  learner?: string;
  controllerId?: string;
  /** The controller hash with the library in its parameters. */
  hash?: string;
}

export interface FlywheelFilter {
  /** One flywheel's decisions, e.g. `fly-1a2b3c4d5e6f`. */
  flywheelId?: string;
  /** The family's id. */
  benchmark?: string;
}

export interface AppendResult {
  /** Records written by this call. */
  inserted: number;
  /** Records already present, identical: a retried write. */
  duplicates: number;
}

/**
 * What the attempt records are part of. A run killed mid-cell leaves attempts that no cell lists; when
 * it is resumed, the cell is redone on a new try, so counting every attempt as work of the run would
 * overstate what its results were made of. In a corpus the runtime wrote, the three parts add up to
 * `attempts`; anything left over is an attempt of a cell's finishing try that the cell does not list.
 */
export interface AttemptCounts {
  /** Every attempt record, whatever became of its cell. */
  attempts: number;
  /** Attempts listed in a cell record's `attemptIds`: the ones results were made of. */
  attemptsInCells: number;
  /**
   * Attempts of a cell whose recorded `try` is higher than theirs: a try killed before its cell was
   * recorded, then redone. Spent, but part of no result.
   */
  abandonedAttempts: number;
  /** Attempts of cells not recorded yet: a run in progress, or killed and not resumed. */
  unfinishedAttempts: number;
}

/** What `deleteRun` removed. */
export interface DeletedRun {
  runId: string;
  attempts: number;
  cells: number;
  /** Blobs the run referenced that no remaining record mentions. */
  blobs: number;
}

export interface CorpusStats extends AttemptCounts {
  runs: number;
  cells: number;
  blobs: number;
  blobBytes: number;
  /** The same counts for each benchmark, sorted by name. */
  benchmarks: Array<{ benchmark: string; runs: number; cells: number } & AttemptCounts>;
  schemaVersion: number;
  location: string;
}

/**
 * The store interface: everything callers may ask of a corpus. Narrow and asynchronous so that a
 * PostgreSQL store can sit behind it later without touching callers. `corpusContract` (from
 * `@ratchet/corpus/test`) is the behaviour every store must show.
 */
export interface Corpus {
  /** Where the corpus lives, e.g. `sqlite:/abs/path/.ratchet/corpus.db`. */
  readonly url: string;
  /** Writes a run's manifest; later writes may change only its lifecycle (`mutableManifestFields`). */
  putManifest(manifest: RunManifest): Promise<void>;
  manifest(runId: string): Promise<RunManifest | null>;
  runs(filter?: RunFilter): Promise<RunManifest[]>;
  /** Validates, then writes all records in one transaction; idempotent by id. */
  append(records: ReadonlyArray<RunRecord | CellRecord>): Promise<AppendResult>;
  /**
   * Fills in the verdict of attempts recorded before they were judged. Write-once: the same verdict
   * again is a no-op; a different one for an attempt that already has a verdict is refused.
   */
  attachVerdicts(verdicts: ReadonlyArray<{ recordId: string; verdict: Verdict }>): Promise<AppendResult>;
  /** Matching attempt records in `createdAt` order, ties by record id. */
  records(filter?: RecordFilter): Promise<RunRecord[]>;
  /** The ids of matching attempt records, in the same order, without reading the records (cheap on large runs). */
  recordIds(filter?: RecordFilter): Promise<string[]>;
  /** Streams attempt records in the same order without holding them all in memory. */
  iterateRecords(filter?: RecordFilter): AsyncIterable<RunRecord>;
  /** A run's cells, ordered by arm, task, then cell id. */
  cells(filter: CellFilter): Promise<CellRecord[]>;
  /** One cell by its id, or null. */
  cell(cellId: string): Promise<CellRecord | null>;
  /** Cell counts of each named run that has cells, in the order named; cheap on large runs (no record is read). */
  runCellCounts(runIds: readonly string[]): Promise<RunCellCounts[]>;
  /** A page of the ids of the tasks a run has cells for, in id order, with their total: a per-task grid page by page. */
  runTaskIds(runId: string, page?: { limit?: number; offset?: number }): Promise<TaskIdPage>;
  /** Streams matching cells of any run, ordered by run, arm, task, then cell id. */
  iterateCells(filter?: Omit<CellFilter, 'runId'> & { runId?: string }): AsyncIterable<CellRecord>;
  pairs(query: PairsQuery): Promise<PairedOutcomes>;
  /** Stores bytes under their sha256; storing the same bytes again is a no-op. */
  putBlob(data: Uint8Array | string, mediaType?: string): Promise<BlobRef>;
  blob(sha256: string): Promise<{ ref: BlobRef; data: Uint8Array } | null>;
  stats(): Promise<CorpusStats>;
  /**
   * Deletes one run: its manifest, attempts and cells, and the blobs no other record references, in
   * one transaction. Never touches the optimizer's records — the holdout ledger above all: a spent
   * holdout stays spent. Refuses a run a gate record names (the ledger's evidence), and one whose
   * train/val cells share a task with another run's holdout cells (the split check reads them).
   *
   * @throws {RecordNotFoundError} when no run has this id; {ProtectedRunError} for a protected run.
   */
  deleteRun(runId: string): Promise<DeletedRun>;
  /** Writes an optimization's record; later writes may change only `mutableOptimizationFields`. */
  putOptimization(record: OptimizationRecord): Promise<void>;
  optimization(optimizationId: string): Promise<OptimizationRecord | null>;
  /** Optimizations in `startedAt` order, ties by id. */
  optimizations(filter?: { benchmark?: string }): Promise<OptimizationRecord[]>;
  /**
   * Validates the whole batch, then writes candidate, iteration, gate, library and flywheel records
   * in one transaction; idempotent by record id, each kind its own namespace of ids (a candidate and an
   * iteration may share one). The same record again is counted as a duplicate; a different record
   * under an id already written is refused (`RecordConflictError`) and nothing from the batch is
   * written: for gate records this is the holdout ledger's refusal of a second decision, for
   * flywheel records the refusal of a second decision on a generation. Blobs a
   * record points at (a library's `source.cellIds`) are written with `putBlob`; like an attempt's,
   * they are not required to be stored first (an import reads them after the records).
   */
  appendOptimizerRecords(records: ReadonlyArray<OptimizerRecord>): Promise<AppendResult>;
  /** Candidate records in `createdAt` order, ties by record id. */
  candidates(filter?: CandidateFilter): Promise<CandidateRecord[]>;
  /** An optimization's iteration records, by iteration number (2 before 10). */
  iterations(optimizationId: string): Promise<IterationRecord[]>;
  /** Holdout-ledger entries in `createdAt` order, ties by record id. */
  gateRecords(filter?: GateFilter): Promise<GateRecord[]>;
  /** Learned libraries in `createdAt` order, ties by record id. */
  libraries(filter?: LibraryFilter): Promise<LibraryRecord[]>;
  /** Flywheel decisions by flywheel id, then generation (0, 1, …), each flywheel's verdict last. */
  flywheelRecords(filter?: FlywheelFilter): Promise<FlywheelRecord[]>;
  close(): Promise<void>;
}
