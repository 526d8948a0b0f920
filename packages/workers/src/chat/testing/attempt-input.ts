import type { AttemptInput } from '@ratchet/runtime';
import { z } from 'zod';
import type { ChatHandle } from '../chat-tools';

/** An attempt's input as the runtime builds it, for calling a worker directly in tests. */
export function attemptInput(overrides: Partial<AttemptInput> = {}): AttemptInput {
  return {
    task: { id: 't1', split: 'train', input: 'What is 2 + 3?' },
    handle: {},
    steer: null,
    checkpoint: null,
    budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
    seed: '42/refine/t1/3/a0',
    ...overrides,
  };
}

/** An environment handle with one tool, `add`. */
export const calculatorHandle: ChatHandle = {
  tools: {
    add: {
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      execute: async ({ a, b }: { a: number; b: number }) => a + b,
    },
  },
};
