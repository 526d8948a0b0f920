import type { ReplayView } from '../stop-policy';
import { OffPolicyError } from './off-policy-error';

/**
 * A topology policy: after the attempts so far, the probability of starting the next attempt fresh
 * (`fanout`); it continues from the last one (`refine`) otherwise. It reads only the replay view, so
 * the probability it gave at every logged decision can be computed again from the records; and its
 * `id` names it with its parameters, so the controller that ran it (`withTopologyPolicy`) carries the
 * id into every record, and a replay can check it was handed the policy that logged the run.
 */
export interface TopologyPolicy {
  /** The policy and its parameters, e.g. `fanout-p0.5`. Two policies with one id must be the same function. */
  readonly id: string;
  /** P(fanout | the attempts so far, oldest first), in [0, 1]. Called with at least one attempt. */
  fanout(history: readonly ReplayView[]): number;
}

/**
 * Fans out with a fixed probability whatever happened: the logging policy of a randomized run.
 *
 * @throws {OffPolicyError} when `probability` is not in [0, 1].
 * @example
 * fanoutWith(0.5).fanout(history); // => 0.5
 */
export function fanoutWith(probability: number): TopologyPolicy {
  if (!(probability >= 0 && probability <= 1)) {
    throw new OffPolicyError(
      'invalid-policy',
      `fanoutWith(p): p must be a probability in [0, 1], received ${probability}`,
    );
  }
  return { id: `fanout-p${probability}`, fanout: () => probability };
}

/** Always continues from the last attempt (P(fanout) = 0). */
export const alwaysRefine: TopologyPolicy = { id: 'always-refine', fanout: () => 0 };

/** Always starts fresh (P(fanout) = 1). */
export const alwaysFanout: TopologyPolicy = { id: 'always-fanout', fanout: () => 1 };

/**
 * Continues until the last attempt is `depth` continuations deep, then starts fresh: bounded chains
 * of refinement, restarted. Depth is read from the views' `from` (recorded as the checkpoint's source).
 *
 * @throws {OffPolicyError} when `depth` is not an integer ≥ 1.
 * @example
 * restartAfter(1); // refine, fanout, refine, fanout, … after the first attempt
 */
export function restartAfter(depth: number): TopologyPolicy {
  if (!Number.isInteger(depth) || depth < 1) {
    throw new OffPolicyError('invalid-policy', `restartAfter(depth): depth must be an integer ≥ 1, received ${depth}`);
  }
  return {
    id: `restart-after-${depth}`,
    fanout(history) {
      let chain = 0;
      for (let i = history.length - 1; i > 0 && history[i]?.from !== null; i--) chain++;
      return chain >= depth ? 1 : 0;
    },
  };
}
