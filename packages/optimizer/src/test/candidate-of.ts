import type { Controller } from '@ratchet/runtime';
import type { Candidate, CandidateOrigin } from '../candidate';
import { changedComponents } from '../proposers/changed-components';

export interface CandidateOfOptions {
  /** What it was made from: candidates (then `changed` is computed from the first) or bare hashes. */
  readonly parents?: readonly (Candidate | string)[];
  /** Default: `baseline` without parents, `proposal` with one, `merge` with two. */
  readonly origin?: CandidateOrigin;
  /** Default: 0 for the baseline, else one more than the latest parent candidate's (1 for bare hashes). */
  readonly iteration?: number;
  /** Default: `baseline` for the baseline, else `scripted`. */
  readonly proposer?: string;
  /** Default: the components whose value differs from the first parent candidate's; none for a bare hash. */
  readonly changed?: readonly string[];
}

/**
 * A `Candidate` for tests, identified by its controller's hash.
 *
 * @example
 * const baseline = candidateOf(defaultController);
 * const child = candidateOf(defaultController.withParameters({ ...defaultController.parameters, maxFindings: 3 }), { parents: [baseline] });
 * child.changed; // => ['maxFindings']
 */
export function candidateOf(controller: Controller, options: CandidateOfOptions = {}): Candidate {
  const parents = options.parents ?? [];
  const parentCandidates = parents.filter((parent): parent is Candidate => typeof parent !== 'string');
  const first = parents[0];
  const origin = options.origin ?? (parents.length === 0 ? 'baseline' : parents.length === 1 ? 'proposal' : 'merge');
  const latest = Math.max(0, ...parentCandidates.map((parent) => parent.iteration));
  return {
    hash: controller.hash,
    controller,
    parents: parents.map((parent) => (typeof parent === 'string' ? parent : parent.hash)),
    origin,
    proposer: options.proposer ?? (origin === 'baseline' ? 'baseline' : 'scripted'),
    changed:
      options.changed ??
      (first === undefined || typeof first === 'string'
        ? []
        : changedComponents(first.controller.parameters, controller.parameters)),
    iteration: options.iteration ?? (parents.length === 0 ? 0 : latest + 1),
  };
}
