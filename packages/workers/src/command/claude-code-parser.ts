import type { JsonValue } from '@ratchet/corpus';
import type { AttemptUsage } from '@ratchet/runtime';
import { claudeCodeUsage } from './claude-code-usage';
import type { EventStreamParser, StreamStatus, TraceEventDraft } from './event-stream-parser';
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
 * Parser for Claude Code's `--output-format stream-json --verbose` stream: one JSON object a line,
 * `type` one of `system` (init and notices), `assistant` and `user` (an Anthropic message whose
 * `content` blocks are `text`, `thinking`, `tool_use`, `tool_result`), and a last `result` with
 * `subtype` (`success` or `error_*`), `is_error`, `result` (the final text), `num_turns`,
 * `total_cost_usd` and `usage`. Any other line becomes a `log` event.
 *
 * Usage: see `claudeCodeUsage` (tokens from `modelUsage`, tokensIn includes cached input).
 */
export function claudeCodeParser(): EventStreamParser {
  let status: StreamStatus = 'unknown';
  let resultText: string | null = null;
  let lastAssistantText: string | null = null;
  const errors: string[] = [];
  let usage: AttemptUsage = unknownUsage;

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
    // Claude Code marks an API failure it surfaced as an assistant message with an `error` field;
    // its text is the error, not the agent's answer.
    const error = stringField(event, 'error');
    if (error !== null) {
      const text = [error, ...texts].join(': ');
      errors.push(text);
      events.push({ type: 'error', data: { message: text } });
    } else if (role === 'assistant' && texts.length > 0) {
      lastAssistantText = texts.join('\n');
    }
    return events;
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
      if (type === 'assistant' || type === 'user') return contentEvents(type, event);
      if (type === 'result') return [resultEvent(event)];
      return [{ type: 'log', data: event }];
    },
    finish() {
      return {
        output: status === 'succeeded' ? resultText : lastAssistantText,
        usage,
        status,
        errors,
        providerFailures: [],
      };
    },
  };
}

const unknownUsage = streamUsage({ turns: null, tokensIn: null, tokensOut: null, usd: null });

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
