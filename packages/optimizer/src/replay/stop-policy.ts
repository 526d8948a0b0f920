import { createHash } from 'node:crypto';
import type { AttemptView, Controller } from '@ratchet/runtime';

/**
 * What a replayable policy (a stop policy, a topology policy) sees of each attempt: the fields every
 * attempt record holds, `from` included (the record's `checkpoint.fromRecordId`). Trace events and
 * whether an attempt left a checkpoint are not in the record, so a policy that read them could not be
 * evaluated exactly on logged data; this narrower view makes that impossible by type. Like every
 * controller view, it has no verdict (docs/design.md rule 1).
 */
export type ReplayView = Pick<AttemptView, 'index' | 'steer' | 'from' | 'output' | 'checks' | 'usage' | 'failure'>;

/** Stops a cell after an attempt: `stop(history)` is asked after each attempt, oldest first. */
export interface StopPolicy {
  readonly id: string;
  stop(history: readonly ReplayView[]): boolean;
}

/** Stops after `n` attempts. */
export function stopAfter(n: number): StopPolicy {
  return { id: `stop-after-${n}`, stop: (history) => history.length >= n };
}

/** Stops once the last attempt passed every deployable check it has (and it has at least one). */
export const stopOnChecksPass: StopPolicy = {
  id: 'stop-on-checks-pass',
  stop(history) {
    const checks = history.at(-1)?.checks ?? [];
    return checks.length > 0 && checks.every((check) => check.passed === true);
  },
};

/**
 * The same controller, stopping as `policy` says (or as the controller itself does): how a stop policy
 * is run live, to compare with its replay. Its hash covers the policy, so the two never share an identity.
 */
export function withStopPolicy(controller: Controller, policy: StopPolicy): Controller {
  const hash = createHash('sha256').update(`${controller.hash}\u0000${policy.id}`).digest('hex').slice(0, 16);
  return Object.freeze({
    ...controller,
    hash,
    stop: (history) => controller.stop(history) || policy.stop(history),
    withParameters: (parameters: unknown) => withStopPolicy(controller.withParameters(parameters), policy),
  } satisfies Controller);
}
