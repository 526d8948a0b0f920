import type { Split } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import type { z } from 'zod';
import type { Analyst } from './analyst';
import type { Controller } from './controller';
import type { Environment } from './environment';
import type { LibraryMiner } from './library-miner';
import type { Task } from './task';
import type { Worker } from './worker';

/** What one family's worker measures, so a cap or an equal-compute check it cannot support is refused up front. */
export interface FamilyMeters {
  /** Whether attempts report dollars. */
  readonly usd: boolean;
  /** Whether attempts report tokens. */
  readonly tokens: boolean;
  /** What `usage.workUnits` counts (`search steps`, `flips`), or null when the worker reports none. */
  readonly workUnit: string | null;
}

/** A family made for a run: everything `runBenchmark` needs, and what to release afterwards. */
export interface FamilyInstance<Input = unknown, Handle = unknown> {
  readonly environment: Environment<Input, Handle>;
  readonly worker: Worker<Input, Handle>;
  readonly judge: Judge;
  readonly analyst: Analyst;
  /**
   * The family's controller for an arm: its defaults, or the parameters given (validated by the
   * family's controller schema). Most families ignore the arm; a simulator may name it in its steers.
   */
  controller(armId: string, parameters?: unknown): Controller;
  /** Releases what the instance holds (a solver thread pool). */
  close(): Promise<void>;
}

/**
 * A task source with everything needed to run and learn on it: options (validated, with defaults),
 * task draws by seed, the environment, worker, judge and analyst, and the controller space — its
 * schema with bounds and its defaults — that an optimizer searches. A new family is one module that
 * implements this and registers itself; nothing else changes.
 */
export interface Family<Options = unknown> {
  /** The id configs name it by (`dsl`). */
  readonly id: string;
  readonly description: string;
  /** Its options as written in a config (count, seed, budget…), with defaults and bounds. */
  readonly options: z.ZodType<Options>;
  readonly meters: FamilyMeters;
  /** The controller parameter space, with bounds, and its defaults. */
  readonly controllerSpace: { readonly schema: z.ZodType; readonly defaults: Readonly<Record<string, unknown>> };
  /** What a learner extracts from this family's certified attempts (`learnFromCorpus`); none when it learns nothing. */
  readonly miner?: LibraryMiner;
  /**
   * Tasks drawn by seed: the same options give the same tasks, another seed fresh ones (a flywheel
   * generation). `split` picks one split; omitted, all of them.
   */
  draw(options: Options, split?: Split): Promise<Task[]>;
  /**
   * Makes the family for a run. `threads` > 0 runs its CPU-bound solver in that many worker threads
   * (released by `close`); 0 or omitted runs it in this thread.
   */
  create(options: Options, context?: { readonly threads?: number }): FamilyInstance;
}
