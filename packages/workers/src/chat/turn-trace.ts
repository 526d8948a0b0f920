import type { JsonValue, Usage } from '@ratchet/corpus';
import type { TraceEvent } from '@ratchet/runtime';
import type { LanguageModelUsage, StepResult, ToolSet } from 'ai';
import { costOf } from '../pricing/estimate-cost';
import type { PriceTable } from '../pricing/price-table';

export interface TurnContext {
  /** 1-based turn number. */
  readonly turn: number;
  readonly model: string;
  readonly prices: PriceTable;
  /** Whether the response cache answered this turn's model call. */
  readonly cached: boolean;
  /** When the turn ended, in ms since the attempt started, if known. */
  readonly atMs?: number;
}

/** Any value as JSON: undefined fields dropped, non-JSON values stringified. */
export function asJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  try {
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  } catch {
    return String(value);
  }
}

/** The cost a provider reported in its raw usage (OpenRouter sends `cost`), when it did. */
export function reportedUsdOf(usage: LanguageModelUsage): number | null {
  const cost = usage.raw?.cost ?? usage.raw?.total_cost;
  return typeof cost === 'number' && Number.isFinite(cost) ? cost : null;
}

/** One model call's usage: tokens as measured (null when not reported) and their cost from `costOf`. */
export function turnUsage(usage: LanguageModelUsage, model: string, prices: PriceTable): Usage {
  const tokensIn = usage.inputTokens ?? null;
  const tokensOut = usage.outputTokens ?? null;
  const cost = costOf(
    {
      model,
      tokensIn,
      tokensOut,
      cachedTokensIn: usage.inputTokenDetails?.cacheReadTokens ?? null,
      reportedUsd: reportedUsdOf(usage),
    },
    prices,
  );
  return { turns: 1, tokensIn, tokensOut, ...cost, wallMs: null, workUnits: null };
}

/**
 * The trace events of one turn: a `message` with the model's text, finish reason, usage and cost;
 * then its `tool-call`s and `tool-result`s in order; a tool that threw becomes an `error` event.
 */
export function turnTrace(step: StepResult<ToolSet>, context: TurnContext): { events: TraceEvent[]; usage: Usage } {
  const usage = turnUsage(step.usage, context.model, context.prices);
  const at = context.atMs === undefined ? {} : { atMs: context.atMs };
  const base = { turn: context.turn };
  const message: Record<string, JsonValue> = {
    ...base,
    role: 'assistant',
    text: step.text,
    finishReason: step.finishReason,
    tokensIn: usage.tokensIn,
    tokensOut: usage.tokensOut,
    usd: usage.usd,
    costProvenance: usage.costProvenance,
  };
  if (step.reasoningText) message.reasoning = step.reasoningText;
  if (context.cached) message.cached = true;
  const events: TraceEvent[] = [{ type: 'message', ...at, data: message }];
  for (const part of step.content) {
    if (part.type === 'tool-call') {
      events.push({
        type: 'tool-call',
        ...at,
        data: {
          ...base,
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: asJson(part.input),
          // The SDK marks a call to an unknown tool, or with input its schema refuses; an error event follows.
          ...(part.invalid ? { invalid: true } : {}),
        },
      });
    } else if (part.type === 'tool-result') {
      events.push({
        type: 'tool-result',
        ...at,
        data: { ...base, toolCallId: part.toolCallId, toolName: part.toolName, output: asJson(part.output) },
      });
    } else if (part.type === 'tool-error') {
      const error = part.error instanceof Error ? part.error.message : String(part.error);
      events.push({
        type: 'error',
        ...at,
        data: { ...base, toolCallId: part.toolCallId, toolName: part.toolName, error },
      });
    }
  }
  return { events, usage };
}
