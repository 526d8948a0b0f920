import type { ObjectiveSpec } from '@ratchet/corpus';

export type { ObjectiveSpec };

/** One task's scores for one candidate, by objective name; null where the objective was not measured. */
export type TaskScores = Readonly<Record<string, number | null>>;

/** One candidate's scores, by task id. */
export type CandidateScores = ReadonlyMap<string, TaskScores>;

/**
 * Every candidate's per-task scores on a set of tasks (val, or a minibatch), by candidate hash. The
 * map's insertion order is the order candidates were made in: ties go to the earliest.
 */
export type ScoreMatrix = ReadonlyMap<string, CandidateScores>;

/** Weights of a stated scalarization: the final pick is the argmax of Σ weight × (signed) objective mean. */
export type Scalarization = Readonly<Record<string, number>>;
