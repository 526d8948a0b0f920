import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a CLI made to the stub. */
export interface StubRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ModelApiStub {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  readonly requests: readonly StubRequest[];
  /** Resolves with the first request, past or future, that `match` accepts. */
  waitFor(match: (request: StubRequest) => boolean): Promise<StubRequest>;
  close(): Promise<void>;
}

/**
 * A local stand-in for a model API, for tests of the real CLIs: it records every request and answers
 * each with `status` and a JSON error body (Anthropic's shape under `/messages`, OpenAI's elsewhere).
 * Test-only: it proves what a CLI sent, not how it reads an answer.
 */
export async function startModelApiStub(options: { status?: number } = {}): Promise<ModelApiStub> {
  const status = options.status ?? 401;
  const requests: StubRequest[] = [];
  const waiters: Array<{ match: (request: StubRequest) => boolean; resolve: (request: StubRequest) => void }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      for (const waiter of waiters.filter((candidate) => candidate.match(request))) waiter.resolve(request);
      const message = `stub status ${status}`;
      const body = request.url.includes('/messages')
        ? { type: 'error', error: { type: 'authentication_error', message } }
        : { error: { message, type: 'invalid_request_error', code: 'invalid_api_key' } };
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    waitFor(match) {
      const seen = requests.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
