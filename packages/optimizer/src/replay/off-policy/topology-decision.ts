import type { AttemptView } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import type { ReplayView } from '../stop-policy';
import { OffPolicyError } from './off-policy-error';
import type { TopologyPolicy } from './topology-policy';

/** What a topology decision is made from: replay views that also name their attempt. */
export type DecisionView = ReplayView & Pick<AttemptView, 'attemptId'>;

export interface TopologyDecision {
  /** The policy's P(fanout) after these attempts. */
  readonly fanout: number;
  /** The uniform draw in [0, 1) that chose. */
  readonly draw: number;
  readonly action: 'refine' | 'fanout';
}

/**
 * The topology decision after `history`: fan out when the draw falls below the policy's P(fanout).
 * The draw is the first number of the seeded stream `topology/<policy id>/<last attempt id>` — a pure
 * function of what the record holds (the attempt's record id, the policy named in the controller id),
 * never of `Math.random` or of how often it was asked (a strategy asks twice per decision). So the
 * same decision comes out live, on a resumed cell, and when a replay computes it again from the corpus.
 *
 * @throws {OffPolicyError} when the history is empty or the policy returns no probability in [0, 1].
 * @example
 * topologyDecision(fanoutWith(0.5), history); // => { fanout: 0.5, draw: 0.27…, action: 'fanout' }
 */
export function topologyDecision(policy: TopologyPolicy, history: readonly DecisionView[]): TopologyDecision {
  const last = history.at(-1);
  if (last === undefined) throw new OffPolicyError('invalid-policy', `${policy.id}: no attempt to decide after`);
  const fanout = policy.fanout(history);
  if (!(fanout >= 0 && fanout <= 1)) {
    throw new OffPolicyError(
      'invalid-policy',
      `topology policy ${policy.id} gave P(fanout) = ${fanout} after attempt ${last.attemptId}; it must be a probability in [0, 1]`,
    );
  }
  const draw = createRng(`topology/${policy.id}`).fork(last.attemptId).next();
  return { fanout, draw, action: draw < fanout ? 'fanout' : 'refine' };
}
