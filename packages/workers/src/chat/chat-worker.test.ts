import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WorkerConfigError } from '../worker-config-error';
import type { ChatHandle } from './chat-tools';
import { chatWorker } from './chat-worker';
import { attemptInput, calculatorHandle } from './testing/attempt-input';
import { textAnswer, toolCalls, usage } from './testing/generate-results';

const signal = new AbortController().signal;

describe('chatWorker', () => {
  it('answers a plain chat prompt made of the task input and the steer, with usage and estimated cost', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer('5', usage(1000, 500)) });
    const worker = chatWorker({
      model: 'openai:gpt-4o',
      languageModel: model,
      maxTurns: 3,
      system: 'Be brief.',
      env: {},
    });
    const result = await worker.attempt(attemptInput({ steer: { text: 'Show only the number.' } }), signal);

    expect(result.output).toBe('5');
    expect(model.doGenerateCalls[0]?.prompt).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: [{ type: 'text', text: 'What is 2 + 3?\n\nShow only the number.' }] },
    ]);
    // 1,000 in × $2.50/M + 500 out × $10/M = $0.0075 (defaultPrices, gpt-4o)
    expect(result.usage).toEqual({
      turns: 1,
      tokensIn: 1000,
      tokensOut: 500,
      usd: 0.0075,
      costProvenance: 'estimated',
    });
    expect(result.events).toEqual([
      {
        type: 'message',
        atMs: expect.any(Number),
        data: {
          turn: 1,
          role: 'assistant',
          text: '5',
          finishReason: 'stop',
          tokensIn: 1000,
          tokensOut: 500,
          usd: 0.0075,
          costProvenance: 'estimated',
        },
      },
    ]);
    expect(worker).toMatchObject({ id: 'chat:openai:gpt-4o', model: 'openai:gpt-4o' });
    expect(result).not.toHaveProperty('failure');
  });

  it('sends a non-string task input as JSON', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer('ok') });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 1, env: {} });
    await worker.attempt(attemptInput({ task: { id: 't1', split: 'train', input: { a: 2, b: 3 } } }), signal);
    expect(model.doGenerateCalls[0]?.prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: '{\n  "a": 2,\n  "b": 3\n}' }] },
    ]);
  });

  it('runs the tool loop over two turns, tracing calls, results and per-turn cost', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: [
        toolCalls([{ id: 'c1', toolName: 'add', input: { a: 2, b: 3 } }], usage(100, 20)),
        textAnswer('5', usage(130, 4)),
      ],
    });
    const worker = chatWorker({ model: 'openai:gpt-4o-mini', languageModel: model, maxTurns: 4, env: {} });
    const result = await worker.attempt(attemptInput({ handle: calculatorHandle }), signal);

    expect(result.output).toBe('5');
    expect(model.doGenerateCalls).toHaveLength(2);
    expect(model.doGenerateCalls[0]?.tools?.map((tool) => tool.name)).toEqual(['add']);
    expect(model.doGenerateCalls[1]?.prompt.at(-1)).toMatchObject({
      role: 'tool',
      content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'add', output: { type: 'json', value: 5 } }],
    });
    expect(result.events.map((event) => [event.type, (event.data as { turn: number }).turn])).toEqual([
      ['message', 1],
      ['tool-call', 1],
      ['tool-result', 1],
      ['message', 2],
    ]);
    expect(result.events[1]?.data).toEqual({ turn: 1, toolCallId: 'c1', toolName: 'add', input: { a: 2, b: 3 } });
    expect(result.events[2]?.data).toEqual({ turn: 1, toolCallId: 'c1', toolName: 'add', output: 5 });
    // gpt-4o-mini: (100 + 130) in × $0.15/M + (20 + 4) out × $0.60/M = $0.0000345 + $0.0000144
    expect(result.usage.turns).toBe(2);
    expect(result.usage.tokensIn).toBe(230);
    expect(result.usage.tokensOut).toBe(24);
    expect(result.usage.usd).toBeCloseTo(0.0000489, 12);
    expect(result.usage.costProvenance).toBe('estimated');
  });

  it('stops at the turn limit with tool calls pending, and returns that as the agent failing', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => toolCalls([{ id: `c${Math.random()}`, toolName: 'add', input: { a: 1, b: 1 } }]),
    });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 2, env: {} });
    const result = await worker.attempt(attemptInput({ handle: calculatorHandle }), signal);

    expect(model.doGenerateCalls).toHaveLength(2);
    expect(result.output).toBeNull();
    expect(result.usage.turns).toBe(2);
    expect(result.events.at(-1)).toMatchObject({ type: 'log', data: { turnLimit: 2, reached: true } });
    expect(result.failure).toEqual({
      reason: 'error',
      message: 'the agent reached its turn limit (maxTurns 2) with tool calls pending',
    });
  });

  it('shows a failing tool to the model as an error and goes on', async () => {
    const handle: ChatHandle = {
      tools: {
        read: {
          description: 'Reads a file',
          inputSchema: z.object({ path: z.string() }),
          execute: async () => {
            throw new Error('ENOENT: no such file');
          },
        },
      },
    };
    const model = new MockLanguageModelV4({
      doGenerate: [toolCalls([{ id: 'c1', toolName: 'read', input: { path: 'x.txt' } }]), textAnswer('no file')],
    });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 3, env: {} });
    const result = await worker.attempt(attemptInput({ handle }), signal);

    expect(result.output).toBe('no file');
    expect(result.events.find((event) => event.type === 'error')?.data).toEqual({
      turn: 1,
      toolCallId: 'c1',
      toolName: 'read',
      error: 'ENOENT: no such file',
    });
  });

  it('traces a tool call with input the schema refuses, and lets the model try again', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: [
        toolCalls([{ id: 'c1', toolName: 'add', input: { a: 'two', b: 3 } }]),
        toolCalls([{ id: 'c2', toolName: 'add', input: { a: 2, b: 3 } }]),
        textAnswer('5'),
      ],
    });
    const worker = chatWorker({ model: 'openai:gpt-4o', languageModel: model, maxTurns: 5, env: {} });
    const result = await worker.attempt(attemptInput({ handle: calculatorHandle }), signal);

    expect(result.output).toBe('5');
    expect(result.events[1]).toMatchObject({ type: 'tool-call', data: { turn: 1, toolCallId: 'c1', invalid: true } });
    expect(result.events[2]).toMatchObject({ type: 'error', data: { turn: 1, toolCallId: 'c1', toolName: 'add' } });
    expect(result.events.filter((event) => event.type === 'tool-result').map((event) => event.data)).toEqual([
      { turn: 2, toolCallId: 'c2', toolName: 'add', output: 5 },
    ]);
  });

  it('reports the cost the provider measured, and an unknown cost as null, never 0', async () => {
    const measured = chatWorker({
      model: 'compat:https://openrouter.ai/api/v1#qwen/qwen3-32b',
      languageModel: new MockLanguageModelV4({ doGenerate: textAnswer('hi', usage(10, 2, { cost: 0.00042 })) }),
      maxTurns: 1,
      env: {},
    });
    expect((await measured.attempt(attemptInput(), signal)).usage).toEqual({
      turns: 1,
      tokensIn: 10,
      tokensOut: 2,
      usd: 0.00042,
      costProvenance: 'measured',
    });
    const unpriced = chatWorker({
      model: 'compat:http://localhost:11434/v1#qwen3',
      languageModel: new MockLanguageModelV4({ doGenerate: textAnswer('hi') }),
      maxTurns: 1,
      env: {},
    });
    expect((await unpriced.attempt(attemptInput(), signal)).usage).toEqual({
      turns: 1,
      tokensIn: 10,
      tokensOut: 5,
      usd: null,
      costProvenance: 'unknown',
    });
  });

  it('redacts secret values from outputs and traces', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer('the key is hunter2hunter2') });
    const worker = chatWorker({
      model: 'openai:gpt-4o',
      languageModel: model,
      maxTurns: 1,
      env: { MY_SERVICE_TOKEN: 'hunter2hunter2' },
    });
    const result = await worker.attempt(attemptInput(), signal);
    expect(result.output).toBe('the key is [REDACTED]');
    expect(JSON.stringify(result.events)).not.toContain('hunter2');
  });

  it('refuses a turn limit below 1', () => {
    expect(() => chatWorker({ model: 'openai:gpt-4o', maxTurns: 0, env: { OPENAI_API_KEY: 'k' } })).toThrow(
      WorkerConfigError,
    );
  });
});
