import type { JsonValue } from '@ratchet/corpus';
import { InfraError } from '@ratchet/runtime';
import type { ZodType } from 'zod';

/**
 * One tool an environment offers a chat worker. `inputSchema` validates what the model sends before
 * `execute` runs; what `execute` returns goes back to the model and into the trace. Throw an
 * `InfraError` when the environment itself broke (the attempt is retried); any other throw is shown to
 * the model as the tool's error, as a real tool failure would be.
 */
export interface ChatTool<Input = unknown> {
  readonly description: string;
  readonly inputSchema: ZodType<Input>;
  execute(input: Input, options: { readonly signal: AbortSignal }): Promise<JsonValue>;
}

export type ChatTools = Readonly<Record<string, ChatTool<unknown>>>;

/** What an environment hands a chat worker: its tools, or nothing for plain chat. */
export interface ChatHandle {
  readonly tools?: ChatTools;
}

/**
 * The tools on an environment's handle; an empty set when the handle has none (plain chat).
 *
 * @throws {InfraError} (not retryable) when `tools` is there but a tool lacks a description, a schema
 * or an `execute` function: the environment is miswired, which says nothing about the agent.
 */
export function chatToolsOf(handle: unknown): ChatTools {
  if (typeof handle !== 'object' || handle === null || !('tools' in handle) || handle.tools === undefined) return {};
  const tools = handle.tools;
  if (typeof tools !== 'object' || tools === null) {
    throw new InfraError('chatWorker: the environment handle has a `tools` field that is not an object of tools', {
      isRetryable: false,
    });
  }
  for (const [name, tool] of Object.entries(tools)) {
    const ok =
      typeof tool === 'object' &&
      tool !== null &&
      typeof tool.description === 'string' &&
      typeof tool.execute === 'function' &&
      typeof tool.inputSchema?.safeParse === 'function';
    if (!ok) {
      throw new InfraError(
        `chatWorker: tool "${name}" on the environment handle needs { description: string, inputSchema: zod schema, execute(input) }`,
        { isRetryable: false },
      );
    }
  }
  return tools as ChatTools;
}
