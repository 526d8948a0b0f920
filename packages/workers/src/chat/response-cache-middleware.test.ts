import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { memoryResponseCache } from '../cache/response-cache';
import { chatWorker } from './chat-worker';
import { calculatorHandle, attemptInput as drawInput } from './testing/attempt-input';
import { textAnswer, toolCalls, usage } from './testing/generate-results';

const signal = new AbortController().signal;

const attemptInput = (seed: string) => drawInput({ seed, handle: calculatorHandle });

function scriptedModel() {
  let call = 0;
  return new MockLanguageModelV4({
    doGenerate: async () =>
      call++ % 2 === 0
        ? toolCalls([{ id: `c${call}`, toolName: 'add', input: { a: 2, b: 3 } }], usage(1000, 100))
        : textAnswer(`5 (draw ${call})`, usage(1100, 10)),
  });
}

describe('response cache', () => {
  it('replays every turn of the same draw without calling the model, and marks it in the trace', async () => {
    const cache = memoryResponseCache();
    const model = scriptedModel();
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 4, cache, env: {} });

    const first = await worker.attempt(attemptInput('7/random/t1/0/a0'), signal);
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(cache.size).toBe(2);
    expect(first.events.some((event) => event.type === 'log')).toBe(false);

    const replay = await worker.attempt(attemptInput('7/random/t1/0/a0'), signal);
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(replay.output).toBe(first.output);
    // The recorded usage is kept: a replayed attempt counts what the draw cost, so arms stay comparable.
    expect(replay.usage).toEqual(first.usage);
    expect(replay.events.filter((event) => event.type === 'message').map((event) => event.data)).toEqual([
      expect.objectContaining({ turn: 1, cached: true }),
      expect.objectContaining({ turn: 2, cached: true }),
    ]);
    expect(replay.events.at(-1)).toMatchObject({ type: 'log', data: { cache: 'hit', turns: 2, of: 2 } });
  });

  it('keeps other draws distinct: another replicate or another attempt of the cell calls the model', async () => {
    const cache = memoryResponseCache();
    const model = scriptedModel();
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 4, cache, env: {} });

    const first = await worker.attempt(attemptInput('7/random/t1/0/a0'), signal);
    const otherReplicate = await worker.attempt(attemptInput('7/random/t1/1/a0'), signal);
    const otherAttempt = await worker.attempt(attemptInput('7/random/t1/0/a1'), signal);
    expect(model.doGenerateCalls).toHaveLength(6);
    expect(cache.size).toBe(6);
    expect(new Set([first.output, otherReplicate.output, otherAttempt.output]).size).toBe(3);
  });

  it('stores nothing for a call that failed', async () => {
    const cache = memoryResponseCache();
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error('boom');
      },
    });
    const worker = chatWorker({
      model: 'openai:gpt-4o',
      languageModel: model,
      maxTurns: 1,
      maxRetries: 0,
      cache,
      env: {},
    });
    await expect(worker.attempt(attemptInput('7/random/t1/0/a0'), signal)).rejects.toThrow('boom');
    expect(cache.size).toBe(0);
  });
});
