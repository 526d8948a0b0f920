import type { Corpus, SupersededCell } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import type { Analyst } from '../contracts/analyst';
import type { Environment } from '../contracts/environment';
import type { Task } from '../contracts/task';
import type { Worker } from '../contracts/worker';
import type { StrategyPlan } from '../strategies/strategy';
import type { RecordWriter } from './record-writer';
import type { RetryPolicy } from './retry';

/** One (run, arm, task, replicate) to run. */
export interface CellSpec {
  runId: string;
  armId: string;
  benchmark: string;
  task: Task;
  replicate: number;
  plan: StrategyPlan;
  /** The cell's seed path; attempt seeds extend it. */
  seed: string;
  /** 0 the first time; one more for each earlier try that was killed before the cell was recorded. */
  tryNumber: number;
  /** The infra cells of earlier tries this one replaces (a retry of infra cells), oldest first. */
  supersedes?: SupersededCell[];
  configHash: string;
  commitSha?: string;
}

/** What a cell runs with: the run's collaborators and policies. */
export interface CellServices {
  environment: Environment;
  worker: Worker;
  judge: Judge;
  analyst: Analyst;
  corpus: Corpus;
  writer: RecordWriter;
  retry: RetryPolicy;
  /** Judge every attempt too, for the oracle upper bound (recorded apart, never the result). */
  oracle: boolean;
  signal: AbortSignal;
  now: () => Date;
}

export function cellIdOf(runId: string, armId: string, taskId: string, replicate: number): string {
  return `${runId}/${armId}/${taskId}/r${replicate}`;
}
