import { generateText } from 'ai';
import { describe, expect, it } from 'vitest';
import { WorkerConfigError } from '../worker-config-error';
import { resolveModel } from './resolve-model';

/** A fetch that records each request and answers with `respond`; the network is never touched. */
function fakeFetch(respond: (url: string) => Response) {
  const requests: { url: string; headers: Headers; body: unknown }[] = [];
  const fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    requests.push({
      url: String(url),
      headers: new Headers(init?.headers),
      body: JSON.parse(String(init?.body ?? 'null')),
    });
    return respond(String(url));
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

const completion = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1_700_000_000,
  model: 'qwen3',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hello from qwen3' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 },
};

describe('resolveModel', () => {
  it('calls an OpenAI-compatible endpoint at its base URL, with the optional key', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json(completion));
    const model = resolveModel('compat:http://localhost:11434/v1#qwen3', {
      env: { RATCHET_COMPAT_API_KEY: 'local-key' },
      fetch,
    });
    const result = await generateText({ model, prompt: 'hi', maxRetries: 0 });

    expect(result.text).toBe('hello from qwen3');
    expect(result.usage.inputTokens).toBe(12);
    expect(requests[0]?.url).toBe('http://localhost:11434/v1/chat/completions');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer local-key');
    expect(requests[0]?.body).toMatchObject({ model: 'qwen3', messages: [{ role: 'user', content: 'hi' }] });
  });

  it('sends OpenAI and Anthropic calls to their APIs with the key from env', async () => {
    const { fetch, requests } = fakeFetch(() => new Response('{"error":{"message":"no"}}', { status: 400 }));
    const openai = resolveModel('openai:gpt-4o', { env: { OPENAI_API_KEY: 'sk-test-openai' }, fetch });
    const anthropic = resolveModel('anthropic:claude-sonnet-4-0', { env: { ANTHROPIC_API_KEY: 'ak-test' }, fetch });
    await generateText({ model: openai, prompt: 'hi', maxRetries: 0 }).catch(() => undefined);
    await generateText({ model: anthropic, prompt: 'hi', maxRetries: 0 }).catch(() => undefined);

    expect(requests[0]?.url).toBe('https://api.openai.com/v1/responses');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer sk-test-openai');
    expect(requests[0]?.body).toMatchObject({ model: 'gpt-4o' });
    expect(requests[1]?.url).toBe('https://api.anthropic.com/v1/messages');
    expect(requests[1]?.headers.get('x-api-key')).toBe('ak-test');
    expect(requests[1]?.body).toMatchObject({ model: 'claude-sonnet-4-0' });
  });

  it('names the variable to set when a key is missing', () => {
    expect(() => resolveModel('openai:gpt-4o', { env: {} })).toThrow(WorkerConfigError);
    expect(() => resolveModel('openai:gpt-4o', { env: {} })).toThrow(/set OPENAI_API_KEY/);
    expect(() => resolveModel('anthropic:claude-sonnet-4-0', { env: { ANTHROPIC_API_KEY: ' ' } })).toThrow(
      /set ANTHROPIC_API_KEY/,
    );
  });

  it('needs no key for a compat endpoint', () => {
    expect(resolveModel('compat:http://127.0.0.1:8080/v1#llama', { env: {} }).modelId).toBe('llama');
  });
});
