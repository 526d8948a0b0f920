import type { AttemptUsage } from '@ratchet/runtime';
import { CountTotal } from './count-total';
import { countField, isJsonObject, type JsonObject, objectField, stringField } from './json-fields';
import { streamUsage } from './stream-usage';

/**
 * What an attempt spent, from Claude Code's `result` line. Tokens come from `modelUsage` (per model:
 * `inputTokens`, `outputTokens`, `cacheReadInputTokens`, `cacheCreationInputTokens`, `costUSD`),
 * summed over the models: it covers every model call of the session (main loop, Task sub-agents,
 * compaction), the same calls as `total_cost_usd`, while `usage` covers the main loop only (its schema
 * says so). Anthropic counts cached input apart, so:
 * - tokensIn = input + cache reads + cache writes; tokensInCached = cache reads;
 * - tokensOut = output (thinking included); turns = `num_turns`;
 * - usd = `total_cost_usd`, which Claude Code prices itself (`measured`), or the sum of `costUSD`.
 * A model with `costBasis` `unknown` was priced at another model's rate (Claude Code had no price for
 * it), so usd is null, `unknown`. With no `modelUsage` the tokens are null: `usage` alone would
 * undercount a session with sub-agents.
 *
 * @example
 * claudeCodeUsage({ num_turns: 1, total_cost_usd: 0.001425, modelUsage: { 'claude-sonnet-4-5':
 *   { inputTokens: 100, outputTokens: 30, cacheReadInputTokens: 1000, cacheCreationInputTokens: 100, costUSD: 0.001425 } } })
 * // => { turns: 1, tokensIn: 1200, tokensInCached: 1000, tokensOut: 30, usd: 0.001425, costProvenance: 'measured' }
 */
export function claudeCodeUsage(result: JsonObject): AttemptUsage {
  const turns = countField(result, 'num_turns');
  const totalUsd = countField(result, 'total_cost_usd');
  const models = objectField(result, 'modelUsage');
  if (models === null) {
    return { ...streamUsage({ turns, tokensIn: null, tokensOut: null, usd: totalUsd }), tokensInCached: null };
  }
  // Each total starts at 0: an empty modelUsage is a session with no model call that counted (all failed).
  const tokensIn = zeroTotal();
  const tokensInCached = zeroTotal();
  const tokensOut = zeroTotal();
  const costs = zeroTotal();
  let guessedPrice = false;
  for (const model of Object.values(models)) {
    const figures = isJsonObject(model) ? model : {};
    const cacheRead = countField(figures, 'cacheReadInputTokens');
    tokensIn.add(countField(figures, 'inputTokens'));
    tokensIn.add(cacheRead);
    tokensIn.add(countField(figures, 'cacheCreationInputTokens'));
    tokensInCached.add(cacheRead);
    tokensOut.add(countField(figures, 'outputTokens'));
    costs.add(countField(figures, 'costUSD'));
    guessedPrice ||= stringField(figures, 'costBasis') === 'unknown';
  }
  return {
    ...streamUsage({
      turns,
      tokensIn: tokensIn.value,
      tokensOut: tokensOut.value,
      usd: guessedPrice ? null : (totalUsd ?? costs.value),
    }),
    tokensInCached: tokensInCached.value,
  };
}

function zeroTotal(): CountTotal {
  const total = new CountTotal();
  total.add(0);
  return total;
}
