import { describe, expect, it } from 'vitest';
import { codexProviderFailure, codexRetryNotice } from './codex-provider-failure';

// Messages as codex 0.169 printed them against the mock model API (fixtures/codex-0.169.0-*.jsonl),
// then texts of codex-rs's CodexErr that the mock cannot make it print (ChatGPT logins and plans).
describe('codexProviderFailure', () => {
  it.each([
    [
      'unexpected status 401 Unauthorized: Incorrect API key provided., url: http://127.0.0.1:46241/v1/responses, request id: req_mock_1',
      'credentials',
      401,
    ],
    ['Missing environment variable: `RATCHET_MOCK_API_KEY`.', 'credentials', undefined],
    ['Quota exceeded. Check your plan and billing details.', 'billing', undefined],
    ['exceeded retry limit, last status: 429 Too Many Requests, request id: req_mock_1', 'rate-limit', 429],
    [
      'unexpected status 503 Service Unavailable: The server is overloaded or not ready yet., url: http://127.0.0.1:32821/v1/responses, request id: req_mock_1',
      'overloaded',
      503,
    ],
    ['We’re currently experiencing high demand, which may cause temporary errors.', 'server', undefined],
    ['stream disconnected before completion: error sending request', 'network', undefined],
    ['stream disconnected before completion: stream closed before response.completed', 'network', undefined],
    ['Connection failed: error sending request', 'network', undefined],
    ['exceeded retry limit, last status: 502 Bad Gateway', 'server', 502],
    ['unexpected status 404 Not Found: model not found', 'request', 404],
    ['unexpected status 402 Payment Required: {}', 'billing', 402],
    ['unexpected status 429 Too Many Requests: {"error":{"code":"insufficient_quota"}}', 'billing', 429],
    [
      'Your access token could not be refreshed because your refresh token has expired. Please log out and sign in again.',
      'credentials',
      undefined,
    ],
    ["You've hit your usage limit. Upgrade to Plus to continue using Codex.", 'billing', undefined],
    ['Selected model is at capacity. Please try a different model.', 'overloaded', undefined],
    [
      'Access blocked by Cloudflare. This usually happens when connecting from a restricted region (status 403 Forbidden)',
      'network',
      undefined,
    ],
  ] as const)('reads %j as %s', (message, kind, status) => {
    expect(codexProviderFailure(message)).toEqual({ kind, message, ...(status === undefined ? {} : { status }) });
  });

  it("reads a 400's body, which codex passes on as its message, by the error's type", () => {
    const body = JSON.stringify({
      error: {
        message: 'The model `mock-missing` does not exist.',
        type: 'invalid_request_error',
        param: null,
        code: null,
      },
    });
    expect(codexProviderFailure(body)).toEqual({
      kind: 'request',
      message: 'The model `mock-missing` does not exist.',
    });
    const tooLong = JSON.stringify({ error: { message: 'too long', code: 'context_length_exceeded' } });
    expect(codexProviderFailure(tooLong)).toBeNull();
  });

  it('takes the wait a rate-limit message names', () => {
    const message = 'unexpected status 429 Too Many Requests: Rate limit reached. Please try again in 2.5s.';
    expect(codexProviderFailure(message)).toMatchObject({ kind: 'rate-limit', status: 429, retryAfterMs: 2500 });
  });

  it("leaves the agent's own failures to its outcome", () => {
    for (const message of [
      "Codex ran out of room in the model's context window. Start a new thread or clear earlier history before retrying.",
      'stream disconnected before completion: Incomplete response returned, reason: content_filter',
      'unexpected status 413 Payload Too Large: request too large',
      'sandbox error: command timed out',
      'turn aborted. Something went wrong? Hit `/feedback` to report the issue.',
      'the tests fail',
    ]) {
      expect(codexProviderFailure(message)).toBeNull();
    }
  });
});

describe('codexRetryNotice', () => {
  it('reads a numbered stream retry and the failure it retries', () => {
    expect(
      codexRetryNotice(
        'Reconnecting... 2/5 (exceeded retry limit, last status: 429 Too Many Requests, request id: r2)',
      ),
    ).toEqual({
      attempt: '2/5',
      failure: {
        kind: 'rate-limit',
        message: 'exceeded retry limit, last status: 429 Too Many Requests, request id: r2',
        status: 429,
      },
    });
  });

  it('reads the wait for the network, which codex keeps up for ever', () => {
    expect(codexRetryNotice('Reconnecting... waiting for network (Connection failed: error sending request)')).toEqual({
      attempt: null,
      failure: { kind: 'network', message: 'Connection failed: error sending request' },
    });
  });

  it('takes a refused WebSocket, which codex gives up for HTTPS, as the connection', () => {
    const notice = codexRetryNotice(
      'Reconnecting... 2/5 (unexpected status 404 Not Found: no GET /v1/responses, url: ws://127.0.0.1:44361/v1/responses)',
    );
    expect(notice?.failure.kind).toBe('network');
  });

  it('is null for any other message', () => {
    expect(codexRetryNotice('exceeded retry limit, last status: 429 Too Many Requests')).toBeNull();
    expect(codexRetryNotice('Reconnecting to the MCP server docs')).toBeNull();
  });
});
