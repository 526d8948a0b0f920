import type { EventStreamParser, TraceEventDraft } from './event-stream-parser';
import { streamUsage } from './stream-usage';
import { TextBlock } from './text-block';

/**
 * Parser for an agent that prints plain text and nothing else: the whole of stdout is its answer,
 * kept as one `message` event and as the output (trimmed; null when empty). It reports no usage and
 * no status, so every figure is null.
 */
export function plainTextParser(): EventStreamParser {
  const text = new TextBlock();
  return {
    parseLine(line) {
      text.add(line);
      return [];
    },
    flush() {
      return text.isEmpty ? [] : [messageEvent(text)];
    },
    finish() {
      const output = text.text.trim();
      return {
        output: output === '' ? null : output,
        usage: streamUsage({ turns: null, tokensIn: null, tokensOut: null, usd: null }),
        status: 'unknown',
        errors: [],
        providerFailures: [],
      };
    },
  };
}

/** A `message` event for a block of assistant text, noting how much of it was dropped. */
export function messageEvent(block: TextBlock): TraceEventDraft {
  return block.droppedChars === 0
    ? { type: 'message', data: { role: 'assistant', text: block.text } }
    : { type: 'message', data: { role: 'assistant', text: block.text, droppedChars: block.droppedChars } };
}
