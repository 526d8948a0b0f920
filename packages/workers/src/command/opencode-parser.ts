import { CountTotal } from './count-total';
import type {
  AgentActivity,
  EventStreamParser,
  ProviderFailure,
  StreamStatus,
  TraceEventDraft,
} from './event-stream-parser';
import { countField, type JsonObject, objectField, parseJsonLine, stringField } from './json-fields';
import { readOpencodeLogLine } from './opencode-log-line';
import { opencodeErrorFailure, retriedCallFailure } from './opencode-provider-failure';
import { streamUsage } from './stream-usage';

/**
 * A step that opens this long after a failed call is the retry's: opencode waits at least 2 s before
 * retrying, while a call that opens and then fails (a response it cannot parse) logs its failure
 * within milliseconds of its `step_start`, sometimes just before it.
 */
const retryOpensAfterMs = 1000;

/**
 * Parser for opencode 1.18's `opencode run --format json --print-logs --log-level ERROR`.
 *
 * Stdout: one JSON object a line, `{ type, timestamp, sessionID, part | error }`, of the main
 * session only (a subagent's steps are not written): `step_start` (a call's response began),
 * `text` (a finished text part, `part.text`), `reasoning` (only with `--thinking`), `tool_use` (a
 * finished tool part: `part.tool`, `part.callID`, `part.state` with `status` `completed` or `error`,
 * `input`, `output`, `error`), `step_finish` (`part.reason`, `part.cost`, `part.tokens`) and `error`
 * (`error.name`, `error.data`: an `APIError`'s `message`, `statusCode`, `isRetryable`,
 * `responseHeaders`, `responseBody`). There is no closing event: opencode exits 0 after its last
 * step, or 1 after an `error`. So the stream succeeded when its last step finished with `stop` and
 * no error came; it failed on an `error`. Any other line becomes a `log` event.
 *
 * Stderr: opencode's log, kept to errors. Each failed call to the provider is a `message="stream
 * error"` line, and nothing else says so: opencode retries a failed call (up to 5 times, 2 s to 30 s
 * and more apart, or as `retry-after` says) and writes nothing to stdout meanwhile. A failed call
 * after which no step opened is a retry in progress: `activity()` reports it, with the kind its text
 * tells, so a kill at the time limit is the provider's failure. The `error` event opencode writes
 * when it gives up carries the status, which decides the failure in `finish()`.
 *
 * Usage: turns = the number of `step_finish` parts (one model call each); tokensIn = `input` +
 * `cache.read` + `cache.write` (opencode's `input` leaves the cached tokens out), of which
 * tokensInCached = `cache.read`; tokensOut = `output` + `reasoning` (opencode's `output` leaves the
 * reasoning out); usd = the sum of `cost`, computed by opencode itself (`measured`). opencode writes a
 * cost of 0 for a model it has no price for, so a zero total over a non-zero token count is reported
 * as unknown, not as free.
 */
export function opencodeParser(): EventStreamParser {
  let lastText: string | null = null;
  let lastStepReason: string | null = null;
  const errorEvents: JsonObject[] = [];
  let steps = 0;
  const tokensIn = new CountTotal();
  const tokensInCached = new CountTotal();
  const tokensOut = new CountTotal();
  const usd = new CountTotal();
  const failedByRef = new Map<string, string>();
  let lastFailedCall: string | null = null;
  let retry: { failure: ProviderFailure; calls: number; atMs: number } | null = null;

  function stepFinish(part: JsonObject): void {
    steps += 1;
    lastStepReason = stringField(part, 'reason');
    const tokens = objectField(part, 'tokens');
    const cache = objectField(tokens, 'cache');
    const input = countField(tokens, 'input');
    const output = countField(tokens, 'output');
    tokensIn.add(input === null ? null : input + (countField(cache, 'read') ?? 0) + (countField(cache, 'write') ?? 0));
    tokensInCached.add(countField(cache, 'read'));
    tokensOut.add(output === null ? null : output + (countField(tokens, 'reasoning') ?? 0));
    usd.add(countField(part, 'cost'));
  }

  function stderrLine(line: string): TraceEventDraft[] {
    const log = readOpencodeLogLine(line);
    if (log === null) return [];
    const error = log['error.error'];
    if (log.message === 'stream error' && error !== undefined) {
      lastFailedCall = error;
      const failure = retriedCallFailure(error);
      retry = { failure, calls: (retry?.calls ?? 0) + 1, atMs: Date.parse(log.timestamp ?? '') };
      return [
        { type: 'log', data: { kind: 'provider-call-failed', failureKind: failure.kind, message: failure.message } },
      ];
    }
    // What an error event opencode did not type ("Unexpected server error") was: its `ref` names it.
    if (log.message === 'failed' && log.ref !== undefined && log.error !== undefined) {
      failedByRef.set(log.ref, log.error);
    }
    return [];
  }

  return {
    parseLine(line) {
      const event = parseJsonLine(line);
      if (event === null) return line.trim() === '' ? [] : [{ type: 'log', data: { text: line } }];
      const part = objectField(event, 'part');
      const type = stringField(event, 'type');
      // Anything the model answered, or a report, ends a retry; a step that opened only does once it is the retry's.
      const atMs = countField(event, 'timestamp');
      if (type !== 'step_start' || (retry !== null && atMs !== null && atMs >= retry.atMs + retryOpensAfterMs)) {
        retry = null;
      }
      switch (type) {
        case 'text': {
          const text = stringField(part, 'text') ?? '';
          lastText = text;
          return [{ type: 'message', data: { role: 'assistant', text } }];
        }
        case 'reasoning':
          return [{ type: 'log', data: { kind: 'reasoning', text: stringField(part, 'text') ?? '' } }];
        case 'tool_use':
          return part === null ? [{ type: 'log', data: event }] : toolEvents(part);
        case 'step_finish':
          if (part !== null) stepFinish(part);
          return [{ type: 'log', data: event }];
        case 'error': {
          const error = objectField(event, 'error') ?? {};
          errorEvents.push(error);
          const data = objectField(error, 'data');
          return [
            {
              type: 'error',
              data: {
                name: stringField(error, 'name'),
                message: errorMessage(error),
                statusCode: countField(data, 'statusCode'),
              },
            },
          ];
        }
        default:
          return [{ type: 'log', data: event }];
      }
    },
    parseStderrLine: stderrLine,
    activity(): AgentActivity | null {
      if (retry === null) return null;
      const calls = `${retry.calls} failed call${retry.calls === 1 ? '' : 's'}`;
      return { text: `retrying its provider after ${calls} (${retry.failure.kind})`, providerRetry: retry.failure };
    },
    finish() {
      const tokens = (tokensIn.value ?? 0) + (tokensOut.value ?? 0);
      const cost = usd.value === 0 && tokens > 0 ? null : usd.value;
      const logged = { byRef: failedByRef, lastCall: lastFailedCall };
      let status: StreamStatus = 'unknown';
      if (errorEvents.length > 0) status = 'failed';
      else if (lastStepReason === 'stop') status = 'succeeded';
      return {
        output: lastText,
        usage: {
          ...streamUsage({
            turns: steps > 0 ? steps : null,
            tokensIn: tokensIn.value,
            tokensOut: tokensOut.value,
            usd: cost,
          }),
          tokensInCached: tokensInCached.value,
        },
        status,
        errors: errorEvents.map((error) => errorText(error, failedByRef)),
        providerFailures: errorEvents.flatMap((error) => opencodeErrorFailure(error, logged) ?? []),
      };
    },
  };
}

function errorMessage(error: JsonObject): string {
  return (
    stringField(objectField(error, 'data'), 'message') ??
    stringField(error, 'message') ??
    stringField(error, 'name') ??
    'error'
  );
}

/**
 * An error event as one line of text: its message, status and `retry-after`, or for an error opencode
 * did not type ("Unexpected server error. Check server logs for details.") what its log said it was.
 */
function errorText(error: JsonObject, failedByRef: ReadonlyMap<string, string>): string {
  const data = objectField(error, 'data');
  const ref = stringField(data, 'ref');
  const logged = ref === null ? undefined : failedByRef.get(ref);
  const statusCode = countField(data, 'statusCode');
  const retryAfter = stringField(objectField(data, 'responseHeaders'), 'retry-after');
  return [
    logged ?? errorMessage(error),
    statusCode === null ? null : `(status ${statusCode})`,
    retryAfter && `retry-after: ${retryAfter}`,
  ]
    .filter(Boolean)
    .join(' ');
}

function toolEvents(part: JsonObject): TraceEventDraft[] {
  const id = stringField(part, 'callID');
  const state = objectField(part, 'state');
  const failed = stringField(state, 'status') === 'error';
  return [
    { type: 'tool-call', data: { id, name: stringField(part, 'tool'), input: state?.input ?? null } },
    {
      type: 'tool-result',
      data: { id, output: (failed ? state?.error : state?.output) ?? null, isError: failed },
    },
  ];
}
