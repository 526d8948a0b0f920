import { afterEach, describe, expect, it } from 'vitest';
import { MockModelApiError } from './mock-model-api-error';
import type { MockScenario } from './mock-scenario';
import { type MockModelApi, startMockModelApi } from './start-mock-model-api';

let api: MockModelApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const said = (text: string): MockScenario => ({ kind: 'success', text, usage: { input: 3, output: 1 } });

/** One non-streamed chat completion; resolves with the status and the parsed body. */
async function chat(url: string, headers: Record<string, string> = {}, body: object = { model: 'm', messages: [] }) {
  const answer = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await answer.text();
  return { status: answer.status, text, json: (() => JSON.parse(text)) as () => unknown };
}
const contentOf = (json: unknown) =>
  (json as { choices: [{ message: { content: string } }] }).choices[0].message.content;

describe('startMockModelApi', () => {
  it('listens on 127.0.0.1 at a free port', async () => {
    api = await startMockModelApi();
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(contentOf((await chat(api.url)).json())).toBe('Hello from the mock model API.');
  });

  it('resolves waitFor with a request already received or the first matching one to come', async () => {
    api = await startMockModelApi();
    await chat(api.url, {}, { model: 'first', messages: [] });
    const seen = await api.waitFor((request) => (request.body as { model?: string }).model === 'first');
    expect(seen.path).toBe('/v1/chat/completions');
    const later = api.waitFor((request) => (request.body as { model?: string }).model === 'second');
    await chat(api.url, {}, { model: 'second', messages: [] });
    expect((await later).status).toBe(200);
  });

  it('answers model calls with the scripted scenarios in order, the last one repeating', async () => {
    api = await startMockModelApi({ scenarios: [said('one'), { kind: 'server-error' }, said('three')] });
    const answers = [];
    for (let call = 0; call < 4; call++) answers.push(await chat(api.url));

    expect(answers.map((answer) => answer.status)).toEqual([200, 500, 200, 200]);
    expect(contentOf(answers[0]?.json())).toBe('one');
    expect(contentOf(answers[3]?.json())).toBe('three');
    expect(api.requests.map((request) => request.scenario)).toEqual(['success', 'server-error', 'success', 'success']);
    api.script(said('replaced'));
    expect(contentOf((await chat(api.url)).json())).toBe('replaced');
  });

  it('answers with a function of the request when the calls come in no fixed order', async () => {
    api = await startMockModelApi({
      scenarios: (request) =>
        JSON.stringify(request.body).includes('title') ? said('A title') : { kind: 'rate-limited' },
    });
    expect(
      (await chat(api.url, {}, { model: 'm', messages: [{ role: 'system', content: 'make a title' }] })).status,
    ).toBe(200);
    expect((await chat(api.url)).status).toBe(429);
  });

  it('answers 500 with the reason when a script function answers a scenario that does not parse', async () => {
    api = await startMockModelApi({ scenarios: () => ({ kind: 'teapot' }) as unknown as MockScenario });
    const answer = await chat(api.url);
    expect(answer.status).toBe(500);
    expect(answer.text).toMatch(/the script function’s answer is invalid/);
    expect(api.requests[0]).toMatchObject({ scenario: null, status: 500 });
  });

  it('refuses a scenario that does not parse, naming it', async () => {
    api = await startMockModelApi();
    const bad = { kind: 'success', text: 'x', usage: { input: 1, output: 1, cacheRead: 5 } } as MockScenario;
    expect(() => api?.script([said('ok'), bad])).toThrow(MockModelApiError);
    expect(() => api?.script([said('ok'), bad])).toThrow(/^scenario 1 is invalid \(usage: cacheRead \+ cacheWrite/);
    expect(() => api?.script([])).toThrow(/at least one scenario/);
  });

  it('records each request with its credentials masked', async () => {
    api = await startMockModelApi();
    await chat(api.url, { authorization: 'Bearer sk-live-secret-9876', 'x-trace': 'kept' });

    const [request] = api.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      api: 'openai-chat-completions',
      body: { model: 'm', messages: [] },
      scenario: 'success',
      status: 200,
    });
    expect(request?.headers.authorization).toBe('[masked …9876]');
    expect(request?.headers['x-trace']).toBe('kept');
    expect(JSON.stringify(api.requests)).not.toContain('sk-live-secret');
  });

  it('with apiKey, refuses any other key with 401 on every path and takes no scenario', async () => {
    api = await startMockModelApi({ apiKey: 'sk-right-key-0001', scenarios: [said('first'), said('second')] });
    expect((await chat(api.url, { authorization: 'Bearer sk-wrong-key-0002' })).status).toBe(401);
    expect((await fetch(`${api.url}/v1/models`, { headers: { 'x-api-key': 'wrong' } })).status).toBe(401);
    const accepted = await chat(api.url, { authorization: 'Bearer sk-right-key-0001' });
    expect(contentOf(accepted.json())).toBe('first');
    expect(api.requests.map((request) => [request.status, request.scenario])).toEqual([
      [401, null],
      [401, null],
      [200, 'success'],
    ]);
  });

  it('answers a path it does not serve with 404, and records it so a test sees what was asked', async () => {
    api = await startMockModelApi();
    const answer = await fetch(`${api.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({ error: { message: 'the mock serves no POST /v1/embeddings' } });
    expect(api.requests[0]).toMatchObject({ path: '/v1/embeddings', api: null, status: 404 });
  });

  it('serves the APIs without the /v1 prefix too', async () => {
    api = await startMockModelApi({ scenarios: said('bare') });
    const answer = await fetch(`${api.url}/chat/completions`, { method: 'POST', body: '{"model":"m"}' });
    expect(contentOf(await answer.json())).toBe('bare');
  });

  it('drops the connection before any response', async () => {
    api = await startMockModelApi({ scenarios: { kind: 'drop' } });
    const error = await chat(api.url).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe('fetch failed');
    expect(api.requests[0]).toMatchObject({ scenario: 'drop', status: null });
  });

  it('sends a 200 whose body is not JSON for malformed', async () => {
    api = await startMockModelApi({ scenarios: { kind: 'malformed' } });
    const answer = await chat(api.url);
    expect(answer.status).toBe(200);
    expect(() => answer.json()).toThrow(SyntaxError);
  });

  it('holds a hanging call until close, which ends it', async () => {
    api = await startMockModelApi({ scenarios: { kind: 'hang' } });
    const pending = chat(api.url).then(
      () => 'answered',
      () => 'ended',
    );
    const early = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('waiting'), 100))]);
    expect(early).toBe('waiting');
    await api.close();
    api = undefined;
    expect(await pending).toBe('ended');
  });
});
