import { InfraError } from '@ratchet/runtime';
import { type ToolSet, tool } from 'ai';
import type { ChatTools } from './chat-tools';

/**
 * The environment's tools as an AI SDK tool set. A tool that throws an `InfraError` (the environment
 * broke, not the agent) is reported through `onInfra`, which should stop the loop; any other throw is
 * left to the SDK, which shows it to the model as the tool's error.
 */
export function toAiTools(tools: ChatTools, signal: AbortSignal, onInfra: (error: InfraError) => void): ToolSet {
  const set: ToolSet = {};
  for (const [name, chatTool] of Object.entries(tools)) {
    set[name] = tool({
      description: chatTool.description,
      inputSchema: chatTool.inputSchema,
      execute: async (input: unknown, options) => {
        try {
          // The SDK has validated `input` against the tool's own schema.
          return await chatTool.execute(input, { signal: options.abortSignal ?? signal });
        } catch (error) {
          if (InfraError.isInstance(error)) onInfra(error);
          throw error;
        }
      },
    });
  }
  return set;
}
