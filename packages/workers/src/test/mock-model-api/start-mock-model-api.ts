import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicError, anthropicMessage, anthropicMessageEvents } from './anthropic-messages';
import { type HttpAnswer, type ModelCall, sendEventStream, sendJson } from './http-answer';
import { apiOf, type MockApiName } from './mock-routes';
import type { MockErrorScenario, MockScenario, MockSuccess } from './mock-scenario';
import { chatCompletion, chatCompletionEvents } from './openai-chat-completions';
import { openaiError } from './openai-error';
import { responseEvents, responseObject } from './openai-responses';
import { apiKeyOf, parsedBody, type RecordedRequest, recordedHeaders } from './recorded-request';
import { type MockScript, scenarioQueue } from './scenario-queue';

export interface MockModelApiOptions {
  /** How model calls are answered until `script` replaces it (see `MockScript`); default one success that repeats. */
  readonly scenarios?: MockScript;
  /**
   * The key the mock accepts. When set, a request with another key or none is refused with 401 on
   * every path, as a provider refuses a bad key, and takes no scenario. Unset: any key is accepted.
   */
  readonly apiKey?: string;
  /** The model ids `GET /v1/models` lists; default `['mock-model']`. */
  readonly models?: readonly string[];
}

export interface MockModelApi {
  /** `http://127.0.0.1:<port>`, no trailing slash and no `/v1`. */
  readonly url: string;
  /** Every request received, in order, recorded before it is answered. */
  readonly requests: RecordedRequest[];
  /**
   * Replaces the scenarios still to come: one for every call, a list (one per model call in order,
   * the last one repeating), or a function of the recorded request.
   *
   * @throws {MockModelApiError} when a scenario does not parse.
   */
  script(scenarios: MockScript): void;
  /**
   * Resolves with the first request, already received or still to come, that `match` accepts (a test
   * of a real CLI waits for the call it cares about, then stops the CLI).
   */
  waitFor(match: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  /** Ends every connection (a `hang` included) and stops the server. */
  close(): Promise<void>;
}

const defaultScenario: MockScenario = {
  kind: 'success',
  text: 'Hello from the mock model API.',
  usage: { input: 12, output: 8 },
};

/**
 * A local stand-in for the model APIs agents call, on `node:http` at 127.0.0.1 and a free port:
 * Anthropic Messages (`POST /v1/messages`, streamed or not; `POST /v1/messages/count_tokens`),
 * OpenAI Responses (`POST /v1/responses`), OpenAI Chat Completions (`POST /v1/chat/completions`), and
 * `GET /v1/models`. Model calls are answered by scripted scenarios (see `MockScenario`), each in its
 * API's own wire format, so real clients — the AI SDK providers, Claude Code, Codex, opencode — can
 * be tested against success, usage and every failure without a network.
 *
 * @throws {MockModelApiError} when a scenario does not parse.
 * @example
 * const api = await startMockModelApi({ scenarios: { kind: 'rate-limited', retryAfterSeconds: 2 } });
 * // ANTHROPIC_BASE_URL=api.url, OPENAI_BASE_URL=`${api.url}/v1`; then api.requests[0].body.model
 * await api.close();
 */
export async function startMockModelApi(options: MockModelApiOptions = {}): Promise<MockModelApi> {
  const queue = scenarioQueue(options.scenarios ?? defaultScenario);
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ match: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }> =
    [];
  const models = options.models ?? ['mock-model'];
  let calls = 0;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readBody(request);
    const url = new URL(request.url ?? '/', 'http://mock.invalid');
    const method = request.method ?? 'GET';
    const api = apiOf(method, url.pathname);
    const body = parsedBody(text);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      api,
      headers: recordedHeaders(request.headers),
      body,
      scenario: null,
      status: null,
    };
    requests.push(record);
    for (const waiter of waiters.filter((candidate) => candidate.match(record))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(record);
    }
    const answer = (reply: HttpAnswer) => {
      record.status = reply.status;
      sendJson(response, reply);
    };
    const id = ++calls;
    const anthropicShaped =
      api === 'anthropic-messages' ||
      api === 'anthropic-count-tokens' ||
      (!api?.startsWith('openai') && request.headers['anthropic-version'] !== undefined);
    const error = (scenario: MockErrorScenario) =>
      anthropicShaped ? anthropicError(scenario, `req_mock_${id}`) : openaiError(scenario, `req_mock_${id}`);

    if (options.apiKey !== undefined && apiKeyOf(request.headers) !== options.apiKey) {
      return answer(error({ kind: 'unauthorized' }));
    }
    if (api === null) {
      return answer(notFound(anthropicShaped, `the mock serves no ${method} ${url.pathname}`, `req_mock_${id}`));
    }
    if (api === 'models') return answer({ status: 200, body: modelList(models) });
    if (api === 'anthropic-count-tokens') {
      return answer({ status: 200, body: { input_tokens: Math.max(1, Math.ceil(text.length / 4)) } });
    }

    let scenario: MockScenario;
    try {
      scenario = queue.next(record);
    } catch (cause) {
      // A script function that throws or answers nonsense: the test sees why, in the 500 and its own error.
      return answer({ status: 500, body: { error: { message: `mock model API: ${(cause as Error).message}` } } });
    }
    record.scenario = scenario.kind;
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const stream = fields.stream === true;
    switch (scenario.kind) {
      case 'drop':
        request.socket.destroy();
        return;
      case 'hang':
        return;
      case 'malformed':
        record.status = 200;
        response.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
        response.end(stream ? 'data: {"type": "not json\n\n' : '{"id": "not json');
        return;
      case 'success': {
        const call: ModelCall = {
          id: idOf(api, id),
          model: typeof fields.model === 'string' ? fields.model : (models[0] ?? 'mock-model'),
          created: Math.floor(Date.now() / 1000),
        };
        record.status = 200;
        return succeed(api, scenario, call, stream, fields, response);
      }
      default:
        return answer(error(scenario));
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((cause: unknown) => {
      // A client that went away mid-request needs no answer; anything else is a bug in the mock.
      if (response.headersSent || request.destroyed) {
        response.destroy();
        return;
      }
      sendJson(response, { status: 500, body: { error: { message: `mock model API failed: ${String(cause)}` } } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (scenarios) => queue.replace(scenarios),
    waitFor: (match) => {
      const seen = requests.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function succeed(
  api: MockApiName,
  scenario: MockSuccess,
  call: ModelCall,
  stream: boolean,
  fields: Record<string, unknown>,
  response: ServerResponse,
): void {
  if (api === 'anthropic-messages') {
    if (stream) sendEventStream(response, anthropicMessageEvents(scenario, call));
    else sendJson(response, { status: 200, body: anthropicMessage(scenario, call) });
  } else if (api === 'openai-responses') {
    if (stream) sendEventStream(response, responseEvents(scenario, call));
    else sendJson(response, { status: 200, body: responseObject(scenario, call) });
  } else {
    const includeUsage = (fields.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
    if (stream) sendEventStream(response, chatCompletionEvents(scenario, call, includeUsage));
    else sendJson(response, { status: 200, body: chatCompletion(scenario, call) });
  }
}

/** A path the mock does not serve, in the shape the client expects, so a test sees what was asked. */
function notFound(anthropicShaped: boolean, message: string, requestId: string): HttpAnswer {
  return anthropicShaped
    ? { status: 404, body: { type: 'error', error: { type: 'not_found_error', message }, request_id: requestId } }
    : { status: 404, body: { error: { message, type: 'invalid_request_error', param: null, code: 'unknown_url' } } };
}

function idOf(api: MockApiName, n: number): string {
  if (api === 'anthropic-messages') return `msg_mock_${n}`;
  if (api === 'openai-responses') return `resp_mock_${n}`;
  return `chatcmpl-mock-${n}`;
}

/** One list both shapes read: OpenAI's `object`/`owned_by`/`created`, Anthropic's `type`/`display_name`/`has_more`. */
function modelList(models: readonly string[]) {
  return {
    object: 'list',
    data: models.map((id) => ({
      id,
      object: 'model',
      type: 'model',
      display_name: id,
      created: 1_700_000_000,
      created_at: '2025-01-01T00:00:00Z',
      owned_by: 'mock',
    })),
    has_more: false,
    first_id: models[0] ?? null,
    last_id: models.at(-1) ?? null,
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
