import { createHash } from 'node:crypto';
import type { Controller } from '@ratchet/runtime';
import { topologyDecision } from './topology-decision';
import type { TopologyPolicy } from './topology-policy';

/** The id of a controller that runs `policy`: the base controller's id, `+`, the policy's id. */
export function topologyControllerId(controllerId: string, policy: TopologyPolicy): string {
  return `${controllerId}+${policy.id}`;
}

/**
 * The same controller, choosing refine or fanout by `policy` with a reproducible draw
 * (`topologyDecision`); it still stops where the controller stops or says `stop`. How a randomized
 * run is logged, and how a target policy is run live.
 *
 * Why the propensities count as recorded, with no new field in the corpus: the controller id becomes
 * `<id>+<policy id>` and the hash covers the policy, so every attempt record and the run's manifest
 * name the policy and its parameters; the policy reads only fields its records hold (`ReplayView`);
 * and the draw is a function of the policy id and the attempt's record id. A replay handed the policy
 * recomputes each decision's probability from the records, checks the name, and checks that the draw
 * gives the action the record shows (a checkpoint source, or none) — so a wrong policy, a wrong
 * parameter or a worker that could not continue is caught, not silently estimated with.
 */
export function withTopologyPolicy(controller: Controller, policy: TopologyPolicy): Controller {
  const hash = createHash('sha256')
    .update(`${controller.hash}\u0000topology\u0000${policy.id}`)
    .digest('hex')
    .slice(0, 16);
  return Object.freeze({
    ...controller,
    id: topologyControllerId(controller.id, policy),
    hash,
    topology(history) {
      const own = controller.topology(history);
      if (own === 'stop' || history.length === 0) return own;
      return topologyDecision(policy, history).action;
    },
    withParameters: (parameters: unknown) => withTopologyPolicy(controller.withParameters(parameters), policy),
  } satisfies Controller);
}
