import { createHash } from 'node:crypto';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { Steer } from '@ratchet/corpus';
import {
  type AttemptInput,
  type AttemptResult,
  type AttemptUsage,
  type InfraError,
  sumUsage,
  type TraceEvent,
  type Worker,
} from '@ratchet/runtime';
import { generateText, isStepCount, type ModelMessage, wrapLanguageModel } from 'ai';
import type { ResponseCache } from '../cache/response-cache';
import { defaultPrices } from '../pricing/default-prices';
import type { PriceTable } from '../pricing/price-table';
import { withRedaction } from '../redaction/with-redaction';
import { WorkerConfigError } from '../worker-config-error';
import { chatToolsOf } from './chat-tools';
import { conversationCheckpoint, conversationOf } from './conversation-checkpoint';
import type { Env } from './provider-credentials';
import { providerInfraError } from './provider-infra-error';
import { replicateOfSeed } from './replicate-of-seed';
import { resolveModel } from './resolve-model';
import { responseCacheMiddleware } from './response-cache-middleware';
import { toAiTools } from './to-ai-tools';
import { turnTrace } from './turn-trace';

export interface ChatWorkerConfig {
  /** A model string: `openai:<model>`, `anthropic:<model>` or `compat:<base URL>#<model>`. */
  readonly model: string;
  readonly system?: string;
  /** Model calls per attempt, tool turns included; the loop stops there even with tool calls pending. */
  readonly maxTurns: number;
  readonly temperature?: number;
  readonly maxOutputTokens?: number;
  /** Answers repeated model calls of the same draw without calling the provider. */
  readonly cache?: ResponseCache;
  /** Prices for cost estimates; default `defaultPrices`. */
  readonly prices?: PriceTable;
  /** Where keys are read from, and whose secret values are redacted from traces; default `process.env`. */
  readonly env?: Env;
  /** Retries of one failed call inside the AI SDK (with backoff) before it becomes an `InfraError`; default 2. */
  readonly maxRetries?: number;
  /** Time limit of one turn (model call and its tools), in ms; a turn over it is an `InfraError`. */
  readonly turnTimeoutMs?: number;
  /** The cell's replicate index, for the cache key; default: read from the attempt seed (`replicateOfSeed`). */
  readonly replicate?: (input: AttemptInput) => number;
  /** Calls this model instead of resolving `model` (a mock model in tests, a custom provider). */
  readonly languageModel?: LanguageModelV4;
  /** The fetch the provider uses. */
  readonly fetch?: typeof globalThis.fetch;
  readonly id?: string;
}

/**
 * A worker that runs a chat model in a tool loop over the environment's tools (`handle.tools`, see
 * `ChatHandle`; none is plain chat), up to `maxTurns` model calls. The prompt is the task input (JSON
 * for a non-string) followed by the steer's text; an attempt that continues from a checkpoint resumes
 * its conversation with the steer as the next user message. Each turn is traced (`message`,
 * `tool-call`, `tool-result`, `error` for a tool that threw) with its tokens and cost; the attempt's
 * usage sums the turns. Provider failures, a model call's timeout among them, become `InfraError`s
 * (see `providerInfraError`). The output is the final answer text, or null when the turn limit cut the
 * loop short: running out of turns is the agent's outcome, with `failure` (`error`) saying so. Traces
 * and outputs are redacted.
 *
 * @throws {WorkerConfigError} for a malformed model string, a missing key, or a bad `maxTurns`.
 * @example
 * const worker = chatWorker({ model: 'openai:gpt-4o-mini', maxTurns: 8, system: 'You are a careful solver.' });
 */
export function chatWorker(config: ChatWorkerConfig): Worker {
  if (!Number.isInteger(config.maxTurns) || config.maxTurns < 1) {
    throw new WorkerConfigError(`chatWorker: maxTurns must be a whole number of at least 1, got ${config.maxTurns}`);
  }
  const env = config.env ?? process.env;
  const baseModel =
    config.languageModel ??
    resolveModel(config.model, { env, ...(config.fetch === undefined ? {} : { fetch: config.fetch }) });
  const prices = config.prices ?? defaultPrices;
  const settings = {
    system: config.system ?? null,
    maxTurns: config.maxTurns,
    temperature: config.temperature ?? null,
    maxOutputTokens: config.maxOutputTokens ?? null,
  };
  const version = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 12);

  const worker: Worker = {
    id: config.id ?? `chat:${config.model}`,
    model: config.model,
    version,
    async attempt(input, signal) {
      const started = performance.now();
      const since = () => Math.round(performance.now() - started);
      const previous = conversationOf(input.checkpoint);
      const messages: ModelMessage[] = [
        ...(previous ?? []),
        { role: 'user', content: previous ? continuationText(input.steer) : promptText(input.task.input, input.steer) },
      ];
      const stop = new AbortController();
      let toolInfra: InfraError | undefined;
      const tools = toAiTools(chatToolsOf(input.handle), signal, (error) => {
        toolInfra ??= error;
        stop.abort(error);
      });
      const cacheHits: boolean[] = [];
      const model = config.cache
        ? wrapLanguageModel({
            model: baseModel,
            middleware: responseCacheMiddleware({
              cache: config.cache,
              model: config.model,
              draw: input.seed,
              replicate: config.replicate?.(input) ?? replicateOfSeed(input.seed),
              onCall: ({ hit }) => cacheHits.push(hit),
            }),
          })
        : baseModel;
      const turnEndedAt: number[] = [];

      let result: Awaited<ReturnType<typeof generateText>>;
      try {
        result = await generateText({
          model,
          ...(config.system === undefined ? {} : { system: config.system }),
          messages,
          tools,
          stopWhen: isStepCount(config.maxTurns),
          ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
          ...(config.maxOutputTokens === undefined ? {} : { maxOutputTokens: config.maxOutputTokens }),
          maxRetries: config.maxRetries ?? 2,
          ...(config.turnTimeoutMs === undefined ? {} : { timeout: { stepMs: config.turnTimeoutMs } }),
          abortSignal: AbortSignal.any([signal, stop.signal]),
          onStepEnd: () => {
            turnEndedAt.push(since());
          },
        });
      } catch (error) {
        if (toolInfra) throw toolInfra;
        if (signal.aborted) throw error;
        throw (
          providerInfraError(error, config.model, {
            temperature: config.temperature,
            maxOutputTokens: config.maxOutputTokens,
          }) ?? error
        );
      }

      const events: TraceEvent[] = [];
      const turns = result.steps.map((step, index) => {
        const turn = turnTrace(step, {
          turn: index + 1,
          model: config.model,
          prices,
          cached: cacheHits[index] === true,
          ...(turnEndedAt[index] === undefined ? {} : { atMs: turnEndedAt[index] }),
        });
        events.push(...turn.events);
        return turn.usage;
      });
      const hits = cacheHits.filter(Boolean).length;
      if (hits > 0) {
        events.push({ type: 'log', atMs: since(), data: { cache: 'hit', turns: hits, of: result.steps.length } });
      }
      const cutShort = result.finalStep.finishReason === 'tool-calls' && result.steps.length >= config.maxTurns;
      if (cutShort) {
        events.push({
          type: 'log',
          atMs: since(),
          data: { turnLimit: config.maxTurns, reached: true, note: 'the loop stopped with tool calls pending' },
        });
      }
      const total = sumUsage(turns);
      const usage: AttemptUsage = {
        turns: total.turns,
        tokensIn: total.tokensIn,
        tokensOut: total.tokensOut,
        usd: total.usd,
        costProvenance: total.costProvenance,
      };
      const output = cutShort && result.text === '' ? null : result.text;
      const attemptResult: AttemptResult = {
        output,
        events,
        usage,
        checkpoint: conversationCheckpoint([...messages, ...result.responseMessages]),
        // Running out of turns is the agent's own limit, as a CLI agent's max turns is: scored, never retried.
        ...(cutShort
          ? {
              failure: {
                reason: 'error',
                message: `the agent reached its turn limit (maxTurns ${config.maxTurns}) with tool calls pending`,
              },
            }
          : {}),
      };
      return attemptResult;
    },
  };
  return withRedaction(worker, { env });
}

/** The first user message: the task input (JSON unless it is a string), then the steer's text. */
function promptText(taskInput: unknown, steer: Steer | null): string {
  const task = typeof taskInput === 'string' ? taskInput : JSON.stringify(taskInput, null, 2);
  return steer?.text ? `${task}\n\n${steer.text}` : task;
}

/** The user message that resumes a conversation: the steer, or a plain request to go on. */
function continuationText(steer: Steer | null): string {
  return steer?.text ? steer.text : 'Continue.';
}
