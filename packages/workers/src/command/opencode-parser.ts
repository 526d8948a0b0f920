import { CountTotal } from './count-total';
import type { EventStreamParser, StreamStatus, TraceEventDraft } from './event-stream-parser';
import { countField, type JsonObject, objectField, parseJsonLine, stringField } from './json-fields';
import { streamUsage } from './stream-usage';

/**
 * Parser for `opencode run --format json` (packages/opencode/src/cli/cmd/run.ts): one JSON object a
 * line, `{ type, timestamp, sessionID, … }`, where `type` is `step_start`, `text` (a finished text
 * part, `part.text`), `reasoning`, `tool_use` (a finished tool part: `part.tool`, `part.callID`,
 * `part.state` with `status` `completed` or `error`, `input`, `output`, `error`), `step_finish`
 * (`part.reason`, `part.cost`, `part.tokens`), `error` (`error.name`, `error.data.message`) and
 * `done`. Any other line becomes a `log` event.
 *
 * Usage: turns = the number of `step_finish` parts (one model call each); tokensIn = `input` +
 * `cache.read` + `cache.write` (opencode counts cached input apart); tokensOut = `output`; usd = the
 * sum of `cost`, computed by opencode itself (`measured`). opencode writes a cost of 0 for a model it
 * has no price for, so a zero total over a non-zero token count is reported as unknown, not as free.
 */
export function opencodeParser(): EventStreamParser {
  let status: StreamStatus = 'unknown';
  let lastText: string | null = null;
  const errors: string[] = [];
  let steps = 0;
  const tokensIn = new CountTotal();
  const tokensOut = new CountTotal();
  const usd = new CountTotal();

  function stepFinish(part: JsonObject): void {
    steps += 1;
    const tokens = objectField(part, 'tokens');
    const cache = objectField(tokens, 'cache');
    const input = countField(tokens, 'input');
    tokensIn.add(input === null ? null : input + (countField(cache, 'read') ?? 0) + (countField(cache, 'write') ?? 0));
    tokensOut.add(countField(tokens, 'output'));
    usd.add(countField(part, 'cost'));
    if (stringField(part, 'reason') === 'stop' && status !== 'failed') status = 'succeeded';
  }

  return {
    parseLine(line) {
      const event = parseJsonLine(line);
      if (event === null) return line.trim() === '' ? [] : [{ type: 'log', data: { text: line } }];
      const part = objectField(event, 'part');
      switch (stringField(event, 'type')) {
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
          status = 'failed';
          const error = objectField(event, 'error');
          const data = objectField(error, 'data');
          const message =
            stringField(data, 'message') ?? stringField(error, 'message') ?? stringField(error, 'name') ?? 'error';
          const statusCode = countField(data, 'statusCode');
          // An APIError keeps the provider's response headers; its retry-after says when to come back.
          const retryAfter = stringField(objectField(data, 'responseHeaders'), 'retry-after');
          errors.push(
            [message, statusCode === null ? null : `(status ${statusCode})`, retryAfter && `retry-after: ${retryAfter}`]
              .filter(Boolean)
              .join(' '),
          );
          return [{ type: 'error', data: { name: stringField(error, 'name'), message, statusCode } }];
        }
        case 'done':
          if (status === 'unknown') status = 'succeeded';
          return [{ type: 'log', data: event }];
        default:
          return [{ type: 'log', data: event }];
      }
    },
    finish() {
      const tokens = (tokensIn.value ?? 0) + (tokensOut.value ?? 0);
      const cost = usd.value === 0 && tokens > 0 ? null : usd.value;
      return {
        output: lastText,
        usage: streamUsage({
          turns: steps > 0 ? steps : null,
          tokensIn: tokensIn.value,
          tokensOut: tokensOut.value,
          usd: cost,
        }),
        status,
        errors,
        providerFailures: [],
      };
    },
  };
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
