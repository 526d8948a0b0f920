import type { Corpus, JsonValue, RunRecord } from '@ratchet/corpus';

/** One step of an attempt's execution record, as the runtime writes it (`TraceEvent`). */
export interface TraceEventView {
  type: string;
  atMs?: number;
  data: JsonValue;
}

function isEventList(value: unknown): value is TraceEventView[] {
  return (
    Array.isArray(value) &&
    value.every((event) => typeof event === 'object' && event !== null && typeof event.type === 'string')
  );
}

/** The inline trace's events when the summary is the whole trace as JSON (it fit); null when it is a cut summary. */
export function inlineEvents(trace: RunRecord['trace']): TraceEventView[] | null {
  if (trace.blob !== null) return null;
  try {
    const parsed: unknown = JSON.parse(trace.summary);
    return isEventList(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The events of full traces kept in blobs, parsed once and remembered (a few at a time), so that paging
 * through a large trace reads its blob once rather than once per page.
 */
export class TraceBlobs {
  readonly #corpus: Corpus;
  readonly #parsed = new Map<string, Promise<TraceEventView[] | null>>();

  constructor(corpus: Corpus) {
    this.#corpus = corpus;
  }

  /** The blob's events, or null when there is no such blob or it does not hold a JSON list of events. */
  events(sha256: string): Promise<TraceEventView[] | null> {
    let found = this.#parsed.get(sha256);
    if (!found) {
      found = this.#read(sha256);
      this.#parsed.set(sha256, found);
      if (this.#parsed.size > 8) this.#parsed.delete(this.#parsed.keys().next().value as string);
    }
    return found;
  }

  async #read(sha256: string): Promise<TraceEventView[] | null> {
    const blob = await this.#corpus.blob(sha256);
    if (!blob) return null;
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(blob.data));
      return isEventList(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
}

/** What a CLI agent wrote to stderr: the tail the worker logged as a trace event, if any. */
export function stderrTail(events: readonly TraceEventView[] | null): string | null {
  if (!events) return null;
  const logged = events.filter((event) => {
    const data = event.data;
    return (
      event.type === 'log' &&
      typeof data === 'object' &&
      data !== null &&
      !Array.isArray(data) &&
      data.stream === 'stderr' &&
      typeof data.text === 'string'
    );
  });
  if (logged.length === 0) return null;
  return logged.map((event) => (event.data as { text: string }).text).join('\n');
}
