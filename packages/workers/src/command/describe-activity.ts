import type { TraceEventDraft } from './event-stream-parser';
import { stringField } from './json-fields';

/** Characters of a name or message kept in a description. */
const maxChars = 120;

/**
 * What the agent was doing, in words, if a trace event was the last thing it did: the worker's
 * fallback for parsers without `activity()`. Null for events that say nothing of it (logs).
 *
 * @example
 * describeActivity({ type: 'tool-call', data: { id: 'toolu_1', name: 'Bash', input: { command: 'npm test' } } })
 * // => 'running tool Bash'
 */
export function describeActivity(event: TraceEventDraft): string | null {
  const data = event.data;
  switch (event.type) {
    case 'tool-call':
      return `running tool ${short(stringField(data, 'name') ?? 'unnamed')}`;
    case 'tool-result':
      return 'after the result of a tool call';
    case 'message':
      return 'after writing a message';
    case 'search':
      return 'searching the web';
    case 'output':
      return 'after reporting its result';
    case 'error': {
      const message = stringField(data, 'message');
      return message === null ? 'after an error' : `after an error: ${short(message.split('\n')[0] ?? '')}`;
    }
    default:
      return null;
  }
}

function short(text: string): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}
