import { CodexActivity } from './codex-activity';
import { codexProviderFailure, codexRetryNotice } from './codex-provider-failure';
import { CountTotal } from './count-total';
import type { EventStreamParser, ProviderFailure, StreamStatus, TraceEventDraft } from './event-stream-parser';
import { countField, type JsonObject, objectField, parseJsonLine, stringField } from './json-fields';
import { streamUsage } from './stream-usage';

/**
 * Parser for `codex exec --json` (JSON Lines, one `ThreadEvent` a line, as defined in
 * codex-rs/exec/src/exec_events.rs; checked against codex 0.169, fixtures/codex-0.169.0-*.jsonl):
 * `thread.started`, `turn.started`, `turn.completed` (with `usage`), `turn.failed` (with
 * `error.message`), `item.started` / `item.updated` / `item.completed` (with an `item` whose `type` is
 * `agent_message`, `reasoning`, `command_execution`, `file_change`, `mcp_tool_call`, `web_search`,
 * `todo_list`, `error`, …) and `error`. Any other line becomes a `log`.
 *
 * Failures: codex's events give an error's text only, no status or code, so `codexProviderFailure`
 * reads the text. A failed turn (`turn.failed`, which follows an `error` with the same text) that
 * the text says is the provider's is a provider failure. `Reconnecting... 2/5 (…)` and
 * `Reconnecting... waiting for network (…)` are retries codex goes on from: they are not errors
 * but `activity()` (the provider retry in progress) until the next event, and `log`s in the trace.
 * Error items (`Falling back from WebSockets to HTTPS transport…`) are notices codex goes on from:
 * `error` events in the trace, but not among the summary's `errors`.
 *
 * Usage: turns = the number of `turn.completed` events (codex's turn is one prompt and its answer,
 * not one model call); tokensIn = `input_tokens`, which includes the cached ones; tokensInCached =
 * `cached_input_tokens`; tokensOut = `output_tokens`, which includes `reasoning_output_tokens`
 * (both checked against the mock model API's known usage); usd is null: codex reports no cost.
 */
export function codexParser(): EventStreamParser {
  let status: StreamStatus = 'unknown';
  let lastMessage: string | null = null;
  const errors: string[] = [];
  const providerFailures: ProviderFailure[] = [];
  // The last `error` event codex did not go on from, for a stream that ends without `turn.failed`.
  let lastError: string | null = null;
  const started = new Set<string>();
  let completedTurns = 0;
  const tokensIn = new CountTotal();
  const tokensInCached = new CountTotal();
  const tokensOut = new CountTotal();
  const activity = new CodexActivity();

  function itemEvents(phase: 'started' | 'updated' | 'completed', item: JsonObject): TraceEventDraft[] {
    const id = stringField(item, 'id');
    const type = stringField(item, 'type');
    const call = toolCall(item);
    activity.item(phase, item);
    if (phase === 'started') {
      if (call === null) return [{ type: 'log', data: { phase, item } }];
      if (id !== null) started.add(id);
      return [call];
    }
    if (phase === 'updated') return [{ type: 'log', data: { phase, item } }];
    if (type === 'agent_message') {
      lastMessage = stringField(item, 'text') ?? lastMessage;
      return [{ type: 'message', data: { role: 'assistant', text: stringField(item, 'text') ?? '' } }];
    }
    if (type === 'error') {
      // Codex's error items are notices it goes on from (`Falling back from WebSockets to HTTPS
      // transport…`): in the trace, but not among the errors the turn failed with.
      return [{ type: 'error', data: { message: stringField(item, 'message') ?? 'error' } }];
    }
    if (type === 'web_search') return [{ type: 'search', data: { id, query: stringField(item, 'query') } }];
    if (call === null) return [{ type: 'log', data: { phase, item } }];
    // Some items (file changes) are only ever emitted completed: record the call they imply.
    const events: TraceEventDraft[] = id !== null && started.has(id) ? [] : [call];
    events.push(toolResult(item));
    return events;
  }

  return {
    parseLine(line) {
      const event = parseJsonLine(line);
      if (event === null) return line.trim() === '' ? [] : [{ type: 'log', data: { text: line } }];
      const type = stringField(event, 'type');
      const item = objectField(event, 'item');
      if (type?.startsWith('item.') && item !== null) {
        const phase = type.slice('item.'.length);
        if (phase === 'started' || phase === 'updated' || phase === 'completed') return itemEvents(phase, item);
      }
      if (type === 'turn.started') activity.turnStarted();
      if (type === 'turn.completed') {
        completedTurns += 1;
        activity.turnEnded('after finishing its turn');
        const usage = objectField(event, 'usage');
        tokensIn.add(countField(usage, 'input_tokens'));
        tokensInCached.add(countField(usage, 'cached_input_tokens'));
        tokensOut.add(countField(usage, 'output_tokens'));
        if (status !== 'failed') status = 'succeeded';
        return [{ type: 'log', data: event }];
      }
      if (type === 'error' || type === 'turn.failed') {
        const message = stringField(objectField(event, 'error'), 'message') ?? stringField(event, 'message') ?? type;
        const retry = type === 'error' ? codexRetryNotice(message) : null;
        if (retry !== null) {
          activity.retrying(retry);
          return [{ type: 'log', data: { event: type, kind: 'provider-retry', message } }];
        }
        // `turn.failed` repeats the `error` before it.
        if (errors.at(-1) !== message) errors.push(message);
        if (type === 'error') {
          lastError = message;
        } else {
          status = 'failed';
          activity.turnEnded(`after its turn failed: ${message}`);
          const failure = codexProviderFailure(message);
          if (failure !== null) providerFailures.push(failure);
        }
        return [{ type: 'error', data: { event: type, message } }];
      }
      return [{ type: 'log', data: event }];
    },
    finish() {
      // An error codex stopped on without ending its turn still says why it stopped.
      const failure = status === 'unknown' && lastError !== null ? codexProviderFailure(lastError) : null;
      return {
        output: lastMessage,
        usage: {
          ...streamUsage({
            turns: completedTurns > 0 ? completedTurns : null,
            tokensIn: tokensIn.value,
            tokensOut: tokensOut.value,
            usd: null,
          }),
          tokensInCached: tokensInCached.value,
        },
        status,
        errors,
        providerFailures: failure === null ? providerFailures : [failure],
      };
    },
    activity: () => activity.current(),
  };
}

/** The tool call an item stands for, or null for items that are not tool use. */
function toolCall(item: JsonObject): TraceEventDraft | null {
  const id = stringField(item, 'id');
  switch (stringField(item, 'type')) {
    case 'command_execution':
      return { type: 'tool-call', data: { id, name: 'command', input: { command: item.command ?? null } } };
    case 'file_change':
      return { type: 'tool-call', data: { id, name: 'file_change', input: { changes: item.changes ?? null } } };
    case 'mcp_tool_call': {
      const name = `${stringField(item, 'server') ?? 'mcp'}/${stringField(item, 'tool') ?? 'tool'}`;
      return { type: 'tool-call', data: { id, name, input: item.arguments ?? null } };
    }
    default:
      return null;
  }
}

function toolResult(item: JsonObject): TraceEventDraft {
  const id = stringField(item, 'id');
  const itemStatus = stringField(item, 'status');
  const exitCode = typeof item.exit_code === 'number' ? item.exit_code : null;
  const isError = itemStatus === 'failed' || itemStatus === 'declined' || (exitCode !== null && exitCode !== 0);
  switch (stringField(item, 'type')) {
    case 'command_execution':
      return { type: 'tool-result', data: { id, output: item.aggregated_output ?? null, isError, exitCode } };
    case 'mcp_tool_call':
      return { type: 'tool-result', data: { id, output: item.result ?? item.error ?? null, isError } };
    default:
      return { type: 'tool-result', data: { id, output: itemStatus, isError } };
  }
}
