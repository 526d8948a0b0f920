import type { Controller, ControllerParameters } from '@ratchet/runtime';

/** How a candidate came to be: the controller the search started from, a proposal, or a merge of two. */
export type CandidateOrigin = 'baseline' | 'proposal' | 'merge';

/**
 * A proposed controller with its lineage. Its identity is the controller's content hash, which is also
 * the arm id its cells are recorded under, so every evaluation of it in the corpus can be found again.
 */
export interface Candidate {
  readonly hash: string;
  readonly controller: Controller;
  /** Hashes of what it was made from: none for the baseline, one for a proposal, two for a merge. */
  readonly parents: readonly string[];
  readonly origin: CandidateOrigin;
  /** `baseline`, or the id of the proposer that wrote it. */
  readonly proposer: string;
  /** The components (top-level parameter keys) it changed from its first parent. */
  readonly changed: readonly string[];
  /** The iteration that made it; 0 for the baseline. */
  readonly iteration: number;
}

/**
 * A controller's components: the top-level keys of its parameters, in a stable order. Text components
 * (a steer preamble) are the keys whose value is a string; the rest are JSON parameters. An optimizer
 * rewrites one component per proposal.
 */
export function componentsOf(parameters: Readonly<ControllerParameters>): string[] {
  return Object.keys(parameters).sort();
}
