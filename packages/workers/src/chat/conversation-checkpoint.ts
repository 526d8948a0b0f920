import type { Checkpoint } from '@ratchet/runtime';
import { InfraError } from '@ratchet/runtime';
import type { ModelMessage } from 'ai';
import { z } from 'zod';
import { asJson } from './turn-trace';

// Checked at the boundary: a checkpoint arrives from the runtime as opaque JSON.
const conversationSchema = z.strictObject({
  kind: z.literal('chat-conversation'),
  messages: z.array(z.looseObject({ role: z.enum(['user', 'assistant', 'tool']), content: z.unknown() })).min(1),
});

/** A chat attempt's conversation (user, assistant and tool messages; not the system prompt), as a checkpoint. */
export function conversationCheckpoint(messages: readonly ModelMessage[]): Checkpoint {
  return { kind: 'chat-conversation', messages: messages.map(asJson) };
}

/**
 * The conversation a checkpoint holds, to continue from; null for a fresh start.
 *
 * @throws {InfraError} (not retryable) for a checkpoint some other worker made: the harness paired the
 * wrong worker and checkpoint, which says nothing about the agent.
 */
export function conversationOf(checkpoint: Checkpoint | null): ModelMessage[] | null {
  if (checkpoint === null) return null;
  const parsed = conversationSchema.safeParse(checkpoint);
  if (!parsed.success) {
    throw new InfraError(
      `chatWorker: the checkpoint to continue from is not a chat conversation (${parsed.error.issues[0]?.message ?? 'unknown shape'}); ` +
        'continue only from attempts of a chat worker',
      { isRetryable: false },
    );
  }
  return parsed.data.messages as unknown as ModelMessage[];
}
