import type { JsonValue } from '@ratchet/corpus';
import type { AttemptUsage } from '@ratchet/runtime';
import { claudeCodeFailureKind } from './claude-code-api-error';
import { claudeCodeProviderWait } from './claude-code-retry-wait';
import { claudeCodeUsage } from './claude-code-usage';
import type {
  AgentActivity,
  EventStreamParser,
  ProviderFailure,
  StreamStatus,
  TraceEventDraft,
} from './event-stream-parser';
import {
  arrayField,
  countField,
  isJsonObject,
  type JsonObject,
  objectField,
  parseJsonLine,
  stringField,
} from './json-fields';
import { streamUsage } from './stream-usage';

/**
 * Parser for Claude Code's `--output-format stream-json --verbose` stream (checked against 2.1.328's
 * recorded output, fixtures/claude-code-2.1.328-*.jsonl): one JSON object a line, `type` one of
 * - `system`: `init`, and `api_retry` (`attempt`, `max_retries`, `retry_delay_ms`, `error_status`,
 *   `error`) each time it retries a failed API call; any other subtype is kept as a `log` event;
 * - `assistant` and `user`: an Anthropic message whose `content` blocks are `text`, `thinking`,
 *   `tool_use` and `tool_result`. An assistant line with an `error` field (`is_api_error_message`,
 *   `api_error_status`, `api_error_type`, `api_error`) is an API error Claude Code gave up on: its text
 *   is the error, not the agent's answer;
 * - `result`, last: `subtype` (`success`, or `error_*`; an API error still says `success`),
 *   `is_error`, `result` (the final text), `api_error_status`, `terminal_reason`, `num_turns`,
 *   `total_cost_usd`, `usage` and `modelUsage`.
 * Any other line becomes a `log` event.
 *
 * Provider failures: the main thread's API errors it gave up on, of the kind `claudeCodeFailureKind`
 * reads from their fields (sub-agents' errors are left to the main loop, which may go on). Claude
 * Code prints no `retry-after`; a failure takes as `retryAfterMs` the last wait of its retries of the
 * same status that was longer than Claude Code's own backoff (`claudeCodeProviderWait`), i.e. the
 * provider's. `activity()` is the retry in progress while the last line is an `api_retry`, and
 * "waiting for the model" after its `init` or a tool result.
 *
 * Usage: see `claudeCodeUsage` (tokens from `modelUsage`, tokensIn includes cached input).
 */
export function claudeCodeParser(): EventStreamParser {
  let status: StreamStatus = 'unknown';
  let resultText: string | null = null;
  let lastAssistantText: string | null = null;
  let usage: AttemptUsage = unknownUsage;
  const errors: string[] = [];
  const providerFailures: ProviderFailure[] = [];
  // The API retry Claude Code announced last (`system/api_retry`) and has not yet come out of.
  // `askedMs`: the provider's wait, from this retry or an earlier one of the same status.
  let retry: { activity: AgentActivity; status: number | null; askedMs: number | null } | null = null;
  let waitingForModel = false;

  function contentEvents(role: 'assistant' | 'user', event: JsonObject): TraceEventDraft[] {
    const message = objectField(event, 'message');
    const content = message?.content;
    const events: TraceEventDraft[] =
      typeof content === 'string'
        ? [{ type: 'message', data: { role, text: content } }]
        : arrayField(message, 'content').map((block) => blockEvent(role, block));
    const texts = events.flatMap((draft) =>
      draft.type === 'message' && isJsonObject(draft.data) && typeof draft.data.text === 'string'
        ? [draft.data.text]
        : [],
    );
    const error = stringField(event, 'error');
    if (error !== null) {
      const text = [error, ...texts].join(': ');
      errors.push(text);
      const apiStatus = countField(event, 'api_error_status');
      events.push({ type: 'error', data: { message: text, ...(apiStatus === null ? {} : { status: apiStatus }) } });
      if (isMainThread(event)) {
        const failure = apiFailure(event, error, texts.join('\n') || error);
        if (failure !== null) providerFailures.push(failure);
      }
    } else if (role === 'assistant' && texts.length > 0) {
      lastAssistantText = texts.join('\n');
    }
    return events;
  }

  function apiFailure(event: JsonObject, error: string, message: string): ProviderFailure | null {
    const apiStatus = countField(event, 'api_error_status');
    const kind = claudeCodeFailureKind({
      error,
      status: apiStatus,
      apiError: stringField(event, 'api_error'),
      apiErrorType: stringField(event, 'api_error_type'),
    });
    if (kind === null) return null;
    const retryAfterMs = retry !== null && retry.status === apiStatus ? retry.askedMs : null;
    return {
      kind,
      message,
      ...(apiStatus === null ? {} : { status: apiStatus }),
      ...(retryAfterMs === null ? {} : { retryAfterMs }),
    };
  }

  function retryEvent(event: JsonObject): void {
    const error = stringField(event, 'error') ?? 'unknown';
    const errorStatus = countField(event, 'error_status');
    const delayMs = countField(event, 'retry_delay_ms');
    const kind = claudeCodeFailureKind({ error, status: errorStatus });
    // `error_status` is null for a call that got no response (a dropped or refused connection, a timeout).
    const what = errorStatus === null ? 'no response' : `${error}, HTTP ${errorStatus}`;
    const attempt = countField(event, 'attempt');
    const maxRetries = countField(event, 'max_retries');
    const asked = attempt === null || delayMs === null ? null : claudeCodeProviderWait(attempt, delayMs);
    const askedMs = asked ?? (retry !== null && retry.status === errorStatus ? retry.askedMs : null);
    const count = attempt === null ? '' : ` (attempt ${attempt}${maxRetries === null ? '' : ` of ${maxRetries}`})`;
    const failure: ProviderFailure | null =
      kind === null
        ? null
        : {
            kind,
            message: errorStatus === null ? 'no response from the API (a connection error or a timeout)' : error,
            ...(errorStatus === null ? {} : { status: errorStatus }),
            ...(askedMs === null ? {} : { retryAfterMs: askedMs }),
          };
    const text = `retrying the API: ${what}${count}`;
    retry = { activity: failure === null ? { text } : { text, providerRetry: failure }, status: errorStatus, askedMs };
  }

  function resultEvent(event: JsonObject): TraceEventDraft {
    const subtype = stringField(event, 'subtype');
    const failed = event.is_error === true || (subtype !== null && subtype !== 'success');
    usage = claudeCodeUsage(event);
    const text = stringField(event, 'result');
    if (!failed) {
      status = 'succeeded';
      resultText = text;
      return { type: 'output', data: text };
    }
    status = 'failed';
    const apiStatus = countField(event, 'api_error_status');
    const details = arrayField(event, 'errors').filter((item): item is string => typeof item === 'string');
    const message = [text, ...details, apiStatus === null ? null : `API error status ${apiStatus}`]
      .filter((part): part is string => part !== null && part !== '')
      .join('\n');
    errors.push(message || (subtype ?? 'error'));
    return { type: 'error', data: { subtype, message: message || null } };
  }

  return {
    parseLine(line) {
      const event = parseJsonLine(line);
      if (event === null) return line.trim() === '' ? [] : [{ type: 'log', data: { text: line } }];
      const type = stringField(event, 'type');
      if (type === 'system') {
        const subtype = stringField(event, 'subtype');
        if (subtype === 'api_retry') retryEvent(event);
        if (subtype === 'init') waitingForModel = true;
        return [{ type: 'log', data: event }];
      }
      if (type === 'assistant' || type === 'user') {
        const events = contentEvents(type, event);
        // A tool result goes back to the model: the next thing is its answer.
        waitingForModel = type === 'user';
        retry = null;
        return events;
      }
      if (type === 'result') {
        waitingForModel = false;
        retry = null;
        return [resultEvent(event)];
      }
      return [{ type: 'log', data: event }];
    },
    finish() {
      return {
        output: status === 'succeeded' ? resultText : lastAssistantText,
        usage,
        status,
        errors,
        providerFailures,
      };
    },
    activity(): AgentActivity | null {
      if (retry !== null) return retry.activity;
      return waitingForModel ? { text: 'waiting for the model to answer' } : null;
    },
  };
}

const unknownUsage = streamUsage({ turns: null, tokensIn: null, tokensOut: null, usd: null });

/** A line of the main loop: sub-agents' lines name the Task call they run under. */
function isMainThread(event: JsonObject): boolean {
  return stringField(event, 'parent_tool_use_id') === null;
}

function blockEvent(role: 'assistant' | 'user', block: JsonValue): TraceEventDraft {
  if (!isJsonObject(block)) return { type: 'log', data: block };
  switch (stringField(block, 'type')) {
    case 'text':
      return { type: 'message', data: { role, text: stringField(block, 'text') ?? '' } };
    case 'thinking':
      return { type: 'log', data: { kind: 'thinking', text: stringField(block, 'thinking') ?? '' } };
    case 'tool_use':
      return {
        type: 'tool-call',
        data: { id: stringField(block, 'id'), name: stringField(block, 'name'), input: block.input ?? null },
      };
    case 'tool_result':
      return {
        type: 'tool-result',
        data: {
          id: stringField(block, 'tool_use_id'),
          output: toolResultText(block.content),
          isError: block.is_error === true,
        },
      };
    default:
      return { type: 'log', data: block };
  }
}

/** A tool result's content is a string or a list of blocks; text blocks are joined, others kept. */
function toolResultText(content: JsonValue | undefined): JsonValue {
  if (content === undefined) return null;
  if (!Array.isArray(content)) return content;
  const texts = content.map((block) => stringField(block, 'text'));
  return texts.every((text) => text !== null) ? texts.join('\n') : content;
}
