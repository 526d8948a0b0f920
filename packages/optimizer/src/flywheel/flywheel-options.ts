import type { Corpus } from '@ratchet/corpus';
import type { Controller, Family } from '@ratchet/runtime';
import type { CandidatePlan } from '../search-family';

/** What `flywheel` reports as it goes. */
export interface FlywheelProgress {
  readonly generation: number;
  readonly generations: number;
  readonly phase: 'learn' | 'run' | 'done';
  readonly cellsDone?: number;
  readonly cellsTotal?: number;
}

export interface FlywheelOptions {
  readonly corpus: Corpus;
  /** The persistent family: every generation draws from it with a seed of its own. It must bring a miner. */
  readonly family: Family;
  /** The family's options for every generation; `seed` is replaced by the generation's. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The last generation: generations 0..G run, G + 1 in all (≥ 1). */
  readonly generations: number;
  /** Evaluation tasks per generation, drawn from the val and holdout splits: no learner ever reads them before they are run. */
  readonly evaluationTasks: number;
  /** How both arms run a task: one plan, so k and every per-cell cap are the same for both (rule 3). */
  readonly plan: CandidatePlan;
  /** The generation-0 controller, which the frozen arm keeps (default: the family's defaults). */
  readonly baseline?: Controller;
  /** The miner's settings, fixed for every generation. */
  readonly learnerSettings?: unknown;
  /** The flywheel's seed: generation g draws its tasks with seed `<seed>-g<g>`. */
  readonly seed: string | number;
  /**
   * Makes a flywheel with the same settings a new one (its own id and runs) instead of resuming the
   * recorded one, e.g. `fresh-2`. Left out, the id is what it always was.
   */
  readonly label?: string;
  readonly concurrency?: number;
  /** Solver threads per generation's family instance (0: this thread). */
  readonly threads?: number;
  /** Bootstrap resamples for every interval (default 10,000). */
  readonly resamples?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: FlywheelProgress) => void;
}

/** The seed of generation g's draw. */
export function generationSeed(seed: string | number, generation: number): string {
  return `${seed}-g${generation}`;
}
