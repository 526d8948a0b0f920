import type { TraceEvent } from '@ratchet/runtime';
import { describeActivity } from './describe-activity';
import type { EventStreamParser, TraceEventDraft } from './event-stream-parser';

/**
 * Collects an attempt's trace events, stamped with the time since the attempt started, up to
 * `maxBytes` of event data (measured as JSON): the trace is a prefix of what happened. Past the cap,
 * events are dropped and counted, and one `log` event says how many; the parser still reads every
 * line, so the final result and usage are not lost to a flood. The worker's own closing events
 * (`note`) are always kept. It remembers the last event that says what the agent was doing, dropped
 * or not, for a message about an attempt killed at its time limit.
 */
export class TraceCollector {
  readonly #maxBytes: number;
  readonly #startedAt: number;
  readonly #events: TraceEvent[] = [];
  #keptBytes = 0;
  #droppedEvents = 0;
  #droppedBytes = 0;
  #lastActivity: string | null = null;

  constructor(maxBytes: number, startedAt: number) {
    this.#maxBytes = maxBytes;
    this.#startedAt = startedAt;
  }

  /** Parses one stdout (or stderr) line; a parser that throws costs the line, never the attempt. */
  addLine(parser: EventStreamParser, line: string, droppedBytes: number, stream: 'stdout' | 'stderr' = 'stdout'): void {
    let drafts: TraceEventDraft[];
    try {
      drafts = stream === 'stdout' ? parser.parseLine(line) : (parser.parseStderrLine?.(line) ?? []);
    } catch (error) {
      drafts = [{ type: 'log', data: { text: line, parseError: String(error).slice(0, 500) } }];
    }
    if (droppedBytes > 0) drafts.push({ type: 'log', data: { kind: 'line-truncated', droppedBytes } });
    this.add(drafts);
  }

  add(drafts: readonly TraceEventDraft[]): void {
    for (const draft of drafts) {
      this.#lastActivity = describeActivity(draft) ?? this.#lastActivity;
      const size = JSON.stringify(draft.data)?.length ?? 0;
      if (this.#droppedEvents > 0 || this.#keptBytes + size > this.#maxBytes) {
        this.#droppedEvents += 1;
        this.#droppedBytes += size;
        continue;
      }
      this.#keptBytes += size;
      this.#events.push(this.#stamp(draft));
    }
  }

  /** What the last event that says so shows the agent doing (`running tool Bash`), or null. */
  lastActivity(): string | null {
    return this.#lastActivity;
  }

  /** Adds an event past the cap: the worker's own record of how the attempt ended. */
  note(draft: TraceEventDraft): void {
    this.#events.push(this.#stamp(draft));
  }

  events(): TraceEvent[] {
    if (this.#droppedEvents === 0) return [...this.#events];
    return [
      ...this.#events,
      this.#stamp({
        type: 'log',
        data: {
          kind: 'trace-truncated',
          droppedEvents: this.#droppedEvents,
          droppedBytes: this.#droppedBytes,
          maxOutputBytes: this.#maxBytes,
        },
      }),
    ];
  }

  #stamp(draft: TraceEventDraft): TraceEvent {
    return { type: draft.type, atMs: Math.round(performance.now() - this.#startedAt), data: draft.data };
  }
}
