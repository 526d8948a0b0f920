import type { TraceEvent } from '@ratchet/runtime';
import { charsPerToken, estimateTokens } from './estimate-tokens';

/** What compression kept and dropped, so a reader of the findings knows what the analyst saw. */
export interface CompressionNote {
  readonly budgetTokens: number;
  /** Tokens of the compressed text, estimated as characters / 4. */
  readonly estimatedTokens: number;
  readonly totalEvents: number;
  readonly keptEvents: number;
  readonly head: number;
  readonly tail: number;
  /** Error events kept from between the head and the tail. */
  readonly errors: number;
  /** Kept events whose text was cut to fit. */
  readonly truncatedEvents: number;
  readonly compressed: boolean;
  /** The note in words, as the prompt states it. */
  readonly text: string;
}

export interface CompressedTrace {
  readonly text: string;
  readonly note: CompressionNote;
}

const gapChars = 48;

/**
 * A trace rendered to fit `budgetTokens` (estimated as characters / 4): the whole trace when it fits;
 * otherwise a summary of event types and tool calls, the error events, and as many events from the
 * head and the tail as fit, with markers where events were left out. One event longer than a tenth
 * of the budget is cut.
 *
 * @example
 * compressTrace(attempt.events, 2000).note.text;
 * // => 'The trace has 412 events; to fit a budget of 2000 tokens … 371 events left out.'
 */
export function compressTrace(events: readonly TraceEvent[], budgetTokens: number): CompressedTrace {
  const budgetChars = Math.max(0, Math.floor(budgetTokens * charsPerToken));
  const maxLine = Math.min(4000, Math.max(120, Math.floor(budgetChars / 10)));
  let truncated = 0;
  const lines = events.map((event, index) => {
    const line = renderEvent(event, index);
    if (line.length <= maxLine) return line;
    truncated++;
    return `${line.slice(0, maxLine)}… (+${line.length - maxLine} chars)`;
  });
  const full = lines.join('\n');
  if (full.length <= budgetChars) {
    const text = `The trace has ${events.length} events and is shown whole (about ${estimateTokens(full)} of a ${budgetTokens}-token budget, estimated as characters / 4).`;
    return {
      text: full,
      note: note({
        budgetTokens,
        full,
        events,
        kept: events.length,
        head: events.length,
        tail: 0,
        errors: 0,
        truncated,
        text,
      }),
    };
  }

  const summary = summarize(events);
  let used = summary.length + 1 + gapChars;
  const kept = new Set<number>();
  const take = (index: number, limit: number, extra = 0) => {
    const cost = (lines[index]?.length ?? 0) + 1 + extra;
    if (used + cost > limit) return false;
    kept.add(index);
    used += cost;
    return true;
  };
  // Errors first, within 40% of the budget: they are what an analyst most needs to see.
  const errorLimit = used + Math.floor(budgetChars * 0.4);
  for (const [index, event] of events.entries()) {
    if (event.type === 'error') take(index, errorLimit, gapChars);
  }
  // Then the head and the tail, alternately, until the budget is spent.
  let head = 0;
  let tail = 0;
  let fromHead = true;
  while (head + tail < events.length) {
    const index = fromHead ? head : events.length - 1 - tail;
    if (!kept.has(index) && !take(index, budgetChars)) break;
    if (fromHead) head++;
    else tail++;
    fromHead = !fromHead;
  }
  const errors = [...kept].filter((index) => index >= head && index < events.length - tail).length;

  const body: string[] = [summary];
  let previous = -1;
  for (const index of [...kept].sort((a, b) => a - b)) {
    if (index > previous + 1) body.push(`… ${index - previous - 1} events left out …`);
    body.push(lines[index] as string);
    previous = index;
  }
  if (previous < events.length - 1) body.push(`… ${events.length - 1 - previous} events left out …`);
  const text = body.join('\n');
  const omitted = events.length - kept.size;
  const words =
    `The trace has ${events.length} events; to fit a budget of ${budgetTokens} tokens (estimated as characters / 4) ` +
    `it was compressed to a summary of event types and tool calls, the first ${head} and last ${tail} events` +
    `${errors > 0 ? ` and ${errors} error events from between` : ''}; ${omitted} events left out.`;
  return {
    text,
    note: note({ budgetTokens, full: text, events, kept: kept.size, head, tail, errors, truncated, text: words }),
  };
}

function note(parts: {
  budgetTokens: number;
  full: string;
  events: readonly TraceEvent[];
  kept: number;
  head: number;
  tail: number;
  errors: number;
  truncated: number;
  text: string;
}): CompressionNote {
  return {
    budgetTokens: parts.budgetTokens,
    estimatedTokens: estimateTokens(parts.full),
    totalEvents: parts.events.length,
    keptEvents: parts.kept,
    head: parts.head,
    tail: parts.tail,
    errors: parts.errors,
    truncatedEvents: parts.truncated,
    compressed: parts.kept < parts.events.length,
    text: parts.text,
  };
}

function renderEvent(event: TraceEvent, index: number): string {
  const at = event.atMs === undefined ? '' : ` @${event.atMs}ms`;
  const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
  return `#${index} ${event.type}${at} ${data}`;
}

/** Counts of event types and of calls per tool: what the left-out middle was made of. */
function summarize(events: readonly TraceEvent[]): string {
  const types = new Map<string, number>();
  const tools = new Map<string, number>();
  for (const event of events) {
    types.set(event.type, (types.get(event.type) ?? 0) + 1);
    if (event.type === 'tool-call') tools.set(toolNameOf(event), (tools.get(toolNameOf(event)) ?? 0) + 1);
  }
  const list = (counts: Map<string, number>) => [...counts].map(([name, count]) => `${name} ×${count}`).join(', ');
  return `Summary: ${events.length} events (${list(types)}); tool calls: ${tools.size > 0 ? list(tools) : 'none'}.`;
}

function toolNameOf(event: TraceEvent): string {
  const data = event.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'unnamed';
  const name = data.toolName ?? data.name ?? data.tool ?? (data.command === undefined ? undefined : 'command');
  return typeof name === 'string' ? name.slice(0, 60) : 'unnamed';
}
