import { InfraError } from '@ratchet/runtime';
import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ChatHandle } from './chat-tools';
import { chatWorker } from './chat-worker';
import { attemptInput } from './testing/attempt-input';
import { textAnswer, toolCalls } from './testing/generate-results';

const signal = new AbortController().signal;

describe('chatWorker failures', () => {
  it('turns an InfraError from a tool into the attempt failing as infra', async () => {
    const broken = new InfraError('sandbox crashed');
    const handle: ChatHandle = {
      tools: {
        run: {
          description: 'Runs a command',
          inputSchema: z.object({ command: z.string() }),
          execute: async () => {
            throw broken;
          },
        },
      },
    };
    const model = new MockLanguageModelV4({
      doGenerate: [toolCalls([{ id: 'c1', toolName: 'run', input: { command: 'ls' } }]), textAnswer('never')],
    });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 3, env: {} });
    await expect(worker.attempt(attemptInput({ handle }), signal)).rejects.toBe(broken);
  });

  it('throws a retryable InfraError with the retry-after on a rate limit', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new APICallError({
          message: 'Rate limit reached',
          url: 'https://api.openai.com/v1/responses',
          requestBodyValues: {},
          statusCode: 429,
          responseHeaders: { 'retry-after': '3' },
        });
      },
    });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 2, maxRetries: 0, env: {} });
    const error = await worker.attempt(attemptInput(), signal).catch((caught: unknown) => caught);
    expect(InfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 3000 });
    expect((error as Error).message).toMatch(/^openai:gpt-4o: rate limited \(HTTP 429\)/);
  });

  it('makes a turn over its time limit a retryable InfraError', async () => {
    const model = new MockLanguageModelV4({
      // Like fetch, the call rejects with the abort reason when its signal fires.
      doGenerate: ({ abortSignal }) =>
        new Promise((_, reject) => abortSignal?.addEventListener('abort', () => reject(abortSignal.reason))),
    });
    const worker = chatWorker({
      model: 'openai:gpt-4o',
      languageModel: model,
      maxTurns: 1,
      maxRetries: 0,
      turnTimeoutMs: 20,
      env: {},
    });
    const error = await worker.attempt(attemptInput(), signal).catch((caught: unknown) => caught);
    expect(InfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true });
    expect((error as Error).message).toMatch(/^openai:gpt-4o: the call timed out: Step timeout of 20ms exceeded/);
  });

  it('lets an abort pass through untouched', async () => {
    const controller = new AbortController();
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        controller.abort();
        throw new DOMException('aborted', 'AbortError');
      },
    });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 1, env: {} });
    const error = await worker.attempt(attemptInput(), controller.signal).catch((caught: unknown) => caught);
    expect(InfraError.isInstance(error)).toBe(false);
    expect((error as Error).name).toBe('AbortError');
  });
});
