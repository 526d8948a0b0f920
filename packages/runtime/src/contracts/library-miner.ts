import type { JsonValue, Steer, Usage } from '@ratchet/corpus';
import type { z } from 'zod';

/**
 * One certified attempt as a miner sees it: an attempt of a train or val cell whose output passed every
 * one of its deployable checks. It carries no verdict and there is no holdout split to name: the
 * learner that builds these (`learnFromCorpus`) never reads holdout cells, so a miner cannot either.
 */
export interface CertifiedExample {
  readonly benchmark: string;
  readonly runId: string;
  readonly taskId: string;
  readonly split: 'train' | 'val';
  readonly recordId: string;
  /** Which attempt of its cell it was (0 the first). */
  readonly attempt: number;
  /** Whether it continued from an earlier attempt's checkpoint (its spend then leaves out the search before it). */
  readonly continued: boolean;
  readonly createdAt: string;
  /** The task's input as the worker saw it, when the caller supplied task inputs; null otherwise. */
  readonly input: JsonValue | null;
  readonly steer: Steer | null;
  readonly output: JsonValue;
  readonly usage: Usage;
  /** How much this attempt counts for its age, in (0, 1]: 1 for the newest run read, halving every half-life. */
  readonly recency: number;
}

/** What a miner extracts: the controller parameters it sets (merged over the base), and a report. */
export interface MinedLibrary {
  readonly parameters: Readonly<Record<string, JsonValue>>;
  /** What it found, for the artifact and the report (fragments with their support, settings per class…). */
  readonly summary: JsonValue;
}

/**
 * A family's miner: turns certified attempts into controller parameters (a library). Families bring
 * their own (fragments for `dsl`, per-class settings for `sat`); the learner framework only chooses and
 * weighs what the miner sees. Pure: the same examples and settings give the same library.
 */
export interface LibraryMiner<Settings = unknown> {
  /** Names the miner in artifacts (`dsl-fragments`). */
  readonly id: string;
  /** The miner's own settings, with defaults and bounds; fixed before the measurement that judges them. */
  readonly settings: z.ZodType<Settings>;
  mine(examples: readonly CertifiedExample[], settings: Settings): MinedLibrary;
  /**
   * The values of its settings an outer search may try (the meta level: the optimizer optimizing the
   * learner), each field a list; fixed, like the defaults, before anything is measured with them.
   */
  readonly metaSpace?: Readonly<Record<string, readonly JsonValue[]>>;
}
