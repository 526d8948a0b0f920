import type { ServerResponse } from 'node:http';

/** A complete HTTP answer: status, extra headers and a JSON body. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** What the mock knows about one model call when it renders the answer. */
export interface ModelCall {
  /** The answer's id, unique within the mock (`msg_mock_1`, `resp_mock_2`, …). */
  readonly id: string;
  /** The model the request named, echoed back as providers do. */
  readonly model: string;
  /** Unix seconds, for the `created` fields. */
  readonly created: number;
}

/** One server-sent event; `data` is sent as it is (JSON already serialized, or `[DONE]`). */
export interface SseEvent {
  readonly event?: string;
  readonly data: string;
}

export function sendJson(response: ServerResponse, answer: HttpAnswer): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...answer.headers,
  });
  response.end(text);
}

export function sendEventStream(
  response: ServerResponse,
  events: readonly SseEvent[],
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers });
  for (const event of events) {
    response.write(`${event.event === undefined ? '' : `event: ${event.event}\n`}data: ${event.data}\n\n`);
  }
  response.end();
}

/**
 * A text cut into a few pieces at word boundaries, so a stream really arrives in parts (clients that
 * concatenate deltas wrongly fail). An empty text has no pieces.
 */
export function textPieces(text: string): string[] {
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  const size = Math.max(1, Math.ceil(words.length / 3));
  const pieces: string[] = [];
  for (let start = 0; start < words.length; start += size) pieces.push(words.slice(start, start + size).join(''));
  return pieces;
}
