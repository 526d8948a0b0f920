import type { JsonValue } from '@ratchet/corpus';
import { type ControllerParameters, InvalidControllerError } from '@ratchet/runtime';
import { componentsOf } from '../candidate';
import { changedComponents, sameValue } from './changed-components';
import type { MergeRequest, MergeResult } from './proposer';

/** Combines two candidates that share an ancestor: the merge half of GEPA. Needs no model and no randomness. */
export interface MergeProposer {
  readonly id: string;
  merge(request: MergeRequest): MergeResult;
}

type Side = 'left' | 'right' | 'ancestor';

/**
 * GEPA's system-aware crossover. For each component: the side that changed it from the common
 * ancestor; where both did, the side with the higher val score (ties to the left); where neither did,
 * the ancestor's value. Each side's own edits are kept whole, so what made it better survives.
 *
 * `changed` lists the components where the merge differs from the left candidate (its first parent),
 * as `Candidate.changed` does. The merge is `invalid` when it equals either parent (nothing to
 * combine), when the two candidates are different controllers, or when its parameters fail the
 * schema (named by field).
 *
 * @example
 * mergeProposer().merge({ ancestor, left, right, scores: { left: 0.6, right: 0.5 } });
 * // => { kind: 'proposal', parameters: { …left's edits, …right's edits }, note: 'merge: maxFindings from left; preamble from right', changed: ['preamble'] }
 */
export function mergeProposer(): MergeProposer {
  return {
    id: 'merge',
    merge({ ancestor, left, right, scores }): MergeResult {
      if (left.controller.id !== right.controller.id) {
        return {
          kind: 'invalid',
          reason: `left and right are different controllers ("${left.controller.id}", "${right.controller.id}"): only parameters of one controller merge`,
        };
      }
      const base = ancestor.controller.parameters;
      const sources: Record<Side, Readonly<ControllerParameters>> = {
        left: left.controller.parameters,
        right: right.controller.parameters,
        ancestor: base,
      };
      const parameters: Record<string, JsonValue> = {};
      const taken: Record<Side, string[]> = { left: [], right: [], ancestor: [] };
      const contested: string[] = [];
      for (const component of componentsOf({ ...base, ...sources.left, ...sources.right })) {
        const leftChanged = !sameValue(sources.left[component], base[component]);
        const rightChanged = !sameValue(sources.right[component], base[component]);
        if (leftChanged && rightChanged) contested.push(component);
        const side: Side =
          leftChanged && rightChanged
            ? scores.right > scores.left
              ? 'right'
              : 'left'
            : leftChanged
              ? 'left'
              : rightChanged
                ? 'right'
                : 'ancestor';
        taken[side].push(component);
        const value = sources[side][component];
        if (value !== undefined) parameters[component] = value;
      }

      const checked = left.controller.schema.safeParse(parameters);
      if (!checked.success) {
        const issues = checked.error.issues.map(
          (issue) => `${issue.path.map(String).join('.') || '(parameters)'}: ${issue.message}`,
        );
        return { kind: 'invalid', reason: `the merged parameters fail the schema: ${issues.join('; ')}` };
      }
      let hash: string;
      try {
        hash = left.controller.withParameters(parameters).hash;
      } catch (error) {
        if (!InvalidControllerError.isInstance(error)) throw error;
        return { kind: 'invalid', reason: `the controller refuses the merged parameters: ${error.message}` };
      }
      if (hash === left.hash || hash === right.hash) {
        const equal = hash === left.hash ? 'left' : 'right';
        return { kind: 'invalid', reason: `nothing to combine: the merge equals the ${equal} candidate` };
      }
      const from = (side: 'left' | 'right') =>
        taken[side].length === 0 ? [] : [`${taken[side].join(', ')} from ${side}`];
      const contest =
        contested.length === 0
          ? []
          : [
              `both changed ${contested.join(', ')}: took ${scores.right > scores.left ? 'right' : 'left'} (val ${scores.left} vs ${scores.right})`,
            ];
      return {
        kind: 'proposal',
        parameters,
        note: `merge: ${[...from('left'), ...from('right'), ...contest].join('; ')}`,
        changed: changedComponents(sources.left, parameters),
      };
    },
  };
}
