import type { RunRecord } from '@ratchet/corpus';
import type { AttemptView } from '@ratchet/runtime';
import type { ReplayView } from './stop-policy';

/**
 * An attempt record as a replay view: only what the record holds — no events, no checkpoint flag, no
 * verdict. Typed as an `AttemptView` too (empty events, `continuable: false`) so the runtime's
 * check-based choice can read it, but a replayable policy sees it through `ReplayView` only.
 */
export function replayViewOf(record: RunRecord): ReplayView & AttemptView {
  return Object.freeze({
    attemptId: record.recordId,
    index: record.attempt,
    steer: record.steer,
    from: record.checkpoint?.fromRecordId ?? null,
    output: record.output && 'inline' in record.output ? record.output.inline : null,
    events: [],
    checks: record.checks,
    usage: record.usage,
    failure: record.failure,
    continuable: false,
  });
}
