import type { LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import type { JsonValue } from '@ratchet/corpus';
import type { LanguageModelMiddleware } from 'ai';
import { z } from 'zod';
import { type ResponseCache, responseCacheKey } from '../cache/response-cache';

export interface ResponseCacheDraw {
  readonly cache: ResponseCache;
  /** The model string, part of every key. */
  readonly model: string;
  /** The attempt's seed: which draw this is, so fanout attempts with equal prompts stay distinct. */
  readonly draw: string;
  /** The replicate index of the cell. */
  readonly replicate: number;
  /** Told about every model call of the attempt, in order: whether the cache answered it. */
  readonly onCall?: (call: { readonly index: number; readonly hit: boolean; readonly key: string }) => void;
}

// What a stored response must look like to be replayed; anything else is treated as a miss.
const storedResponseSchema = z.looseObject({
  content: z.array(z.looseObject({ type: z.string() })),
  finishReason: z.looseObject({ unified: z.string() }),
  usage: z.looseObject({ inputTokens: z.looseObject({}), outputTokens: z.looseObject({}) }),
});

/**
 * AI SDK middleware that answers a model call from `cache` when the same request was made for the
 * same draw before, and stores every fresh answer. The key is the full call (prompt, tools, settings;
 * not the abort signal or headers), the model string and the draw, through `responseCacheKey`.
 */
export function responseCacheMiddleware(options: ResponseCacheDraw): LanguageModelMiddleware {
  let calls = 0;
  return {
    specificationVersion: 'v4',
    async wrapGenerate({ doGenerate, params }) {
      const index = calls++;
      const key = responseCacheKey(
        { model: options.model, draw: options.draw, call: requestOf(params) },
        options.replicate,
      );
      const stored = storedResponseSchema.safeParse(await options.cache.get(key));
      if (stored.success) {
        options.onCall?.({ index, hit: true, key });
        return revive(stored.data as unknown as LanguageModelV4GenerateResult);
      }
      const result = await doGenerate();
      await options.cache.set(key, storable(result));
      options.onCall?.({ index, hit: false, key });
      return result;
    },
  };
}

function requestOf(params: LanguageModelV4CallOptions): JsonValue {
  const { abortSignal: _signal, headers: _headers, ...request } = params;
  return JSON.parse(JSON.stringify(request)) as JsonValue;
}

/** The replayable part of a response: no request or response bodies, no headers. */
function storable(result: LanguageModelV4GenerateResult): JsonValue {
  const { request: _request, response, ...rest } = result;
  const meta = response ? { id: response.id, modelId: response.modelId, timestamp: response.timestamp } : undefined;
  return JSON.parse(JSON.stringify({ ...rest, response: meta })) as JsonValue;
}

function revive(stored: LanguageModelV4GenerateResult): LanguageModelV4GenerateResult {
  const timestamp = stored.response?.timestamp as unknown as string | undefined;
  if (!stored.response || timestamp === undefined) return stored;
  return { ...stored, response: { ...stored.response, timestamp: new Date(timestamp) } };
}
