import type { CellRecord, Corpus, JsonValue, RunRecord, Split } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import type { Analyst } from '../contracts/analyst';
import type { Environment } from '../contracts/environment';
import type { Task } from '../contracts/task';
import type { Worker } from '../contracts/worker';
import type { StrategyPlan } from '../strategies/strategy';
import type { PrimaryContrast } from './primary-contrast';

/** One arm: a strategy with its k and controller, under a name. */
export interface Arm extends StrategyPlan {
  readonly id: string;
}

export interface RunProgress {
  cellsDone: number;
  cellsTotal: number;
  /** Cells finished before this invocation (a resumed run). */
  cellsSkipped: number;
  lastCell: CellRecord;
  /** The last cell's attempts (before judging: no verdicts), e.g. to notice agents failing the same way. */
  lastAttempts: readonly RunRecord[];
  /** Measured dollars spent by this invocation's cells; null once any cell's cost was not measured. */
  usdSpent: number | null;
}

export interface RunBenchmarkOptions {
  environment: Environment;
  worker: Worker;
  judge: Judge;
  arms: readonly Arm[];
  /** The tasks to run; or `split` to take them from the environment (default 'train'). */
  tasks?: readonly Task[];
  split?: Split;
  corpus: Corpus;
  /** Reuse an id to resume: finished cells are skipped, none is repeated. */
  runId?: string;
  /**
   * `'infra'`: also re-run the run's infra cells, each as a new try whose record keeps the old cell
   * whole (`supersedes`); the old attempts stay and count as spend. Cells with an outcome are never re-run.
   */
  retry?: 'infra';
  /**
   * Re-run only the failed cells (`isFailedCell`) of this earlier run, into this run — which must be a
   * new one: the original stays as it was. The manifest says so (`retryOf`), and no contrast is
   * measured: cells chosen for failing say nothing about an arm's rate.
   */
  retryFailedOf?: string;
  benchmark?: string;
  replicates?: number;
  concurrency?: number;
  seed?: number | string;
  /** Retries of a retryable infra error before the cell is marked `infra` (default 3). */
  retries?: number;
  backoffMs?: number;
  /** Named before any cell runs; default `steering = refine − continue` (else `refine − random`) at the same k. */
  primaryContrast?: PrimaryContrast;
  analyst?: Analyst;
  /** At most this many attempts start per `perMs` milliseconds, across the run (a provider's rate limit). */
  rateLimit?: { attempts: number; perMs: number };
  /** Stop scheduling cells once this many dollars are spent; refused (`UnenforceableCapError`) once a cost is not measured. */
  maxUsd?: number;
  /** Judge every attempt too, for the oracle upper bound (default true). */
  oracle?: boolean;
  /** Spend differences from the control beyond this share are flagged (default 0.1). */
  equalComputeTolerance?: number;
  /** Anything else that defines the run, recorded in the manifest and its hash. */
  config?: JsonValue;
  commitSha?: string;
  /** The command that resumes this run, recorded so a report of an unfinished run can say it. */
  resumeCommand?: string;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  now?: () => Date;
}
