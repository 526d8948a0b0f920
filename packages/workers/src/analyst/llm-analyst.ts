import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { Analyst, AnalystMeter, Finding } from '@ratchet/runtime';
import { generateText, type LanguageModelUsage, NoObjectGeneratedError, NoOutputGeneratedError, Output } from 'ai';
import type { Env } from '../chat/provider-credentials';
import { providerInfraError } from '../chat/provider-infra-error';
import { resolveModel } from '../chat/resolve-model';
import { turnUsage } from '../chat/turn-trace';
import { defaultPrices } from '../pricing/default-prices';
import type { PriceTable } from '../pricing/price-table';
import { WorkerConfigError } from '../worker-config-error';
import { acceptedAnswerSchema, analystAnswerSchema } from './analyst-answer-schema';
import { analystPrompt } from './analyst-prompt';
import { MalformedAnalystOutputError } from './malformed-analyst-output-error';

export interface LlmAnalystConfig {
  /** A model string: `openai:<model>`, `anthropic:<model>` or `compat:<base URL>#<model>`. */
  readonly model: string;
  /** The most tokens (estimated as characters / 4) the attempt's description may take; the trace is compressed to fit. */
  readonly budgetTokens: number;
  /** The most findings one call returns; the model is told, and extra ones are dropped. */
  readonly maxFindings: number;
  /** Where keys are read from; default `process.env`. */
  readonly env?: Env;
  /** Prices for the cost of each call; default `defaultPrices`. */
  readonly prices?: PriceTable;
  readonly temperature?: number;
  /** Retries of one failed call inside the AI SDK before it becomes an `InfraError`; default 2. */
  readonly maxRetries?: number;
  /** Calls this model instead of resolving `model` (a mock model in tests, a custom provider). */
  readonly languageModel?: LanguageModelV4;
  readonly fetch?: typeof globalThis.fetch;
  readonly id?: string;
}

/**
 * An analyst that asks a chat model for findings about an attempt, through structured output checked
 * against `analystAnswerSchema`. It sees an `AttemptView`, which has no verdict, and its findings have
 * origin 'trace'. Each call's tokens and cost go to `meter.record`, a malformed answer's included.
 *
 * @throws {WorkerConfigError} for a bad model string, a missing key, or a budget or limit below its minimum.
 * @throws {MalformedAnalystOutputError} from `observe` when the answer is not findings JSON (never an empty result).
 * @throws {InfraError} from `observe` for rate limits, server and network errors (see `providerInfraError`).
 * @example
 * const analyst = llmAnalyst({ model: 'anthropic:claude-sonnet-4-0', budgetTokens: 6000, maxFindings: 5 });
 */
export function llmAnalyst(config: LlmAnalystConfig): Analyst {
  if (!Number.isInteger(config.budgetTokens) || config.budgetTokens < 256) {
    throw new WorkerConfigError(
      `llmAnalyst: budgetTokens must be a whole number of at least 256, got ${config.budgetTokens}`,
    );
  }
  if (!Number.isInteger(config.maxFindings) || config.maxFindings < 1) {
    throw new WorkerConfigError(
      `llmAnalyst: maxFindings must be a whole number of at least 1, got ${config.maxFindings}`,
    );
  }
  const model =
    config.languageModel ??
    resolveModel(config.model, {
      ...(config.env === undefined ? {} : { env: config.env }),
      ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
    });
  const prices = config.prices ?? defaultPrices;

  return {
    id: config.id ?? `llm-analyst:${config.model}`,
    async observe(attempt, history, meter) {
      const { system, prompt, compression } = analystPrompt(attempt, history, config);
      const started = performance.now();
      const record = (usage: LanguageModelUsage | undefined) => report(meter, usage, config.model, prices, started);
      let answer: unknown;
      let rawText = '';
      try {
        const result = await generateText({
          model,
          system,
          prompt,
          output: Output.object({ schema: analystAnswerSchema, name: 'findings' }),
          ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
          maxRetries: config.maxRetries ?? 2,
        });
        record(result.usage);
        rawText = result.text;
        try {
          answer = result.output;
        } catch (cause) {
          if (!NoOutputGeneratedError.isInstance(cause)) throw cause;
          const reason = `the answer ended with "${result.finishReason}" and no JSON`;
          throw new MalformedAnalystOutputError({ model: config.model, rawText: result.text, reason, cause });
        }
      } catch (error) {
        if (NoObjectGeneratedError.isInstance(error)) {
          record(error.usage);
          const reason = error.message.replace(/^No object generated: /, '').replace(/\.$/, '');
          throw new MalformedAnalystOutputError({
            model: config.model,
            rawText: error.text ?? '',
            reason,
            cause: error,
          });
        }
        if (MalformedAnalystOutputError.isInstance(error)) throw error;
        throw providerInfraError(error, config.model, { temperature: config.temperature }) ?? error;
      }
      // The SDK checked the wire shape; the limits it cannot carry are checked here.
      const parsed = acceptedAnswerSchema.safeParse(answer);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const reason = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'schema mismatch'}`;
        throw new MalformedAnalystOutputError({ model: config.model, rawText, reason });
      }
      const trace = {
        compressed: compression.compressed,
        budgetTokens: compression.budgetTokens,
        keptEvents: compression.keptEvents,
        totalEvents: compression.totalEvents,
      };
      return parsed.data.findings.slice(0, config.maxFindings).map(
        (finding): Finding => ({
          claim: finding.claim,
          evidence: { text: finding.evidence, events: finding.events, trace },
          origin: 'trace',
        }),
      );
    },
  };
}

/** One analyst call's spend, to the meter: tokens as measured and their cost, or unknown. */
function report(
  meter: AnalystMeter | undefined,
  usage: LanguageModelUsage | undefined,
  model: string,
  prices: PriceTable,
  started: number,
): void {
  const wallMs = Math.round(performance.now() - started);
  if (!usage) {
    meter?.record({ turns: 1, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown', wallMs });
    return;
  }
  const { turns, tokensIn, tokensOut, usd, costProvenance } = turnUsage(usage, model, prices);
  meter?.record({ turns, tokensIn, tokensOut, usd, costProvenance, wallMs });
}
