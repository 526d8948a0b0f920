import type { AttemptInput } from '@ratchet/runtime';
import { InfraError } from '@ratchet/runtime';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { chatWorker } from './chat-worker';
import { conversationOf } from './conversation-checkpoint';
import { textAnswer } from './testing/generate-results';

const signal = new AbortController().signal;
const input: AttemptInput = {
  task: { id: 't1', split: 'train', input: 'Name a prime above 10.' },
  handle: {},
  steer: null,
  checkpoint: null,
  budget: { attempts: 2, usd: null, tokens: null, wallMs: null },
  seed: '1/refine/t1/0/a0',
};

describe('conversation checkpoint', () => {
  it('lets a refine attempt continue the conversation with the steer as the next message', async () => {
    const model = new MockLanguageModelV4({ doGenerate: [textAnswer('9'), textAnswer('11')] });
    const worker = chatWorker({
      model: 'openai:gpt-4o',
      languageModel: model,
      maxTurns: 2,
      system: 'Answer briefly.',
      env: {},
    });

    const first = await worker.attempt(input, signal);
    expect(first.checkpoint).toEqual({
      kind: 'chat-conversation',
      messages: [
        { role: 'user', content: 'Name a prime above 10.' },
        { role: 'assistant', content: [{ type: 'text', text: '9' }] },
      ],
    });

    const second = await worker.attempt(
      { ...input, seed: '1/refine/t1/0/a1', steer: { text: '9 is not prime.' }, checkpoint: first.checkpoint ?? null },
      signal,
    );
    expect(second.output).toBe('11');
    expect(model.doGenerateCalls[1]?.prompt).toEqual([
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: [{ type: 'text', text: 'Name a prime above 10.' }] },
      { role: 'assistant', content: [{ type: 'text', text: '9' }] },
      { role: 'user', content: [{ type: 'text', text: '9 is not prime.' }] },
    ]);
  });

  it('refuses a checkpoint another worker made, as a non-retryable infra error', () => {
    let error: unknown;
    try {
      conversationOf({ frontier: [1, 2, 3] });
    } catch (caught) {
      error = caught;
    }
    expect(InfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false });
    expect((error as Error).message).toMatch(/not a chat conversation/);
  });
});
