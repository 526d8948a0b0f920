import { describe, expect, it } from 'vitest';
import { WorkerConfigError } from '../worker-config-error';
import { preflightModel } from './preflight-model';

function fetchAnswering(answer: () => Promise<Response>) {
  const urls: string[] = [];
  const fetch = (async (url: string | URL | Request) => {
    urls.push(String(url));
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, urls };
}

describe('preflightModel', () => {
  it('names the missing key variable before any call', async () => {
    await expect(preflightModel('openai:gpt-4o', { env: {} })).rejects.toThrow(WorkerConfigError);
    await expect(preflightModel('openai:gpt-4o', { env: {} })).rejects.toThrow(/set OPENAI_API_KEY/);
    await expect(preflightModel('anthropic:claude-sonnet-4-0', { env: {} })).rejects.toThrow(/set ANTHROPIC_API_KEY/);
  });

  it('passes a provider with its key set, without contacting it', async () => {
    const { fetch, urls } = fetchAnswering(async () => new Response('{}'));
    await expect(preflightModel('openai:gpt-4o', { env: { OPENAI_API_KEY: 'sk-x' }, fetch })).resolves.toEqual({
      provider: 'openai',
      modelId: 'gpt-4o',
    });
    expect(urls).toEqual([]);
  });

  it('checks that a compat endpoint answers on /models', async () => {
    const { fetch, urls } = fetchAnswering(async () => Response.json({ data: [{ id: 'qwen3' }] }));
    await preflightModel('compat:http://localhost:11434/v1#qwen3', { env: {}, fetch });
    expect(urls).toEqual(['http://localhost:11434/v1/models']);
  });

  it('names the URL of an unreachable compat endpoint', async () => {
    const { fetch } = fetchAnswering(async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:11434') });
    });
    await expect(preflightModel('compat:http://localhost:11434/v1#qwen3', { env: {}, fetch })).rejects.toThrow(
      /the endpoint http:\/\/localhost:11434\/v1\/models could not be reached; start the server/,
    );
  });

  it('says when the endpoint did not answer in time', async () => {
    const { fetch } = fetchAnswering(async () => {
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    });
    await expect(
      preflightModel('compat:http://10.0.0.9:8000/v1#llama', { env: {}, fetch, timeoutMs: 50 }),
    ).rejects.toThrow(/did not answer within 50 ms/);
  });

  it('names the key variable when the endpoint refuses the request', async () => {
    const { fetch } = fetchAnswering(async () => new Response('unauthorized', { status: 401 }));
    await expect(
      preflightModel('compat:https://openrouter.ai/api/v1#qwen/qwen3-32b', { env: {}, fetch }),
    ).rejects.toThrow(/HTTP 401.*set RATCHET_COMPAT_API_KEY/);
  });

  it('refuses a malformed model string', async () => {
    await expect(preflightModel('qwen3', { env: {} })).rejects.toThrow(/expected openai:<model>/);
  });
});
