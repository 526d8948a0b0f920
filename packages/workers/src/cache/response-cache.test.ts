import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileResponseCache, responseCacheKey } from './response-cache';

describe('response cache', () => {
  it('keys by the whole request and the replicate, so replicates stay distinct', () => {
    const request = { model: 'openai:gpt-4o', messages: [{ role: 'user', content: 'hi' }] };
    expect(responseCacheKey(request, 0)).toBe(
      responseCacheKey({ messages: request.messages, model: request.model }, 0),
    );
    expect(responseCacheKey(request, 0)).not.toBe(responseCacheKey(request, 1));
    expect(responseCacheKey(request, 0)).not.toBe(responseCacheKey({ ...request, temperature: 0 }, 0));
  });

  it('round-trips responses on disk and misses cleanly', async () => {
    const cache = fileResponseCache(join(mkdtempSync(join(tmpdir(), 'ratchet-cache-')), 'response-cache'));
    const key = responseCacheKey({ prompt: 'x' }, 0);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, { text: 'answer', usage: { tokensIn: 3 } });
    expect(await cache.get(key)).toEqual({ text: 'answer', usage: { tokensIn: 3 } });
  });
});
