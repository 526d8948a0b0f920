import { openCorpus } from '@ratchet/corpus';
import { MockJudge } from '@ratchet/judges/test';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { scriptedEnvironment } from '@ratchet/runtime/test';
import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { llmAnalyst } from '../analyst/llm-analyst';
import { chatWorker } from './chat-worker';
import { textAnswer, usage } from './testing/generate-results';

describe('chatWorker and llmAnalyst in a run', () => {
  it('records metered attempts, retries a rate limit, and refines by continuing the conversation', async () => {
    let calls = 0;
    const workerModel = new MockLanguageModelV4({
      doGenerate: async () => {
        calls++;
        if (calls === 1) {
          throw new APICallError({
            message: 'Rate limit reached',
            url: 'https://api.openai.com/v1/responses',
            requestBodyValues: {},
            statusCode: 429,
            responseHeaders: { 'retry-after-ms': '1' },
          });
        }
        return textAnswer(`answer ${calls}`, usage(100, 10));
      },
    });
    const analystModel = new MockLanguageModelV4({
      doGenerate: textAnswer(
        JSON.stringify({ findings: [{ claim: 'the answer skipped the units', evidence: 'answer 2', events: [0] }] }),
        usage(400, 30),
      ),
    });
    const corpus = await openCorpus('sqlite::memory:');
    const environment = scriptedEnvironment([
      { id: 't1', split: 'train', input: 'How far is the moon?', expected: null },
    ]);

    const summary = await runBenchmark({
      environment,
      worker: chatWorker({ model: 'openai:gpt-4o', languageModel: workerModel, maxTurns: 2, maxRetries: 0, env: {} }),
      analyst: llmAnalyst({
        model: 'openai:gpt-4o-mini',
        languageModel: analystModel,
        budgetTokens: 2000,
        maxFindings: 3,
        env: {},
      }),
      judge: new MockJudge(),
      corpus,
      arms: [
        { id: 'random', ...random(2) },
        { id: 'refine', ...refine(2) },
      ],
      backoffMs: 1,
      concurrency: 1,
    });

    const records = await corpus.records();
    expect(records).toHaveLength(4);
    // Five model calls for four attempts: the rate-limited first call was retried by the runtime.
    expect(workerModel.doGenerateCalls).toHaveLength(5);
    const refineArm = summary.arms.find((arm) => arm.armId === 'refine');
    expect(refineArm).toMatchObject({ infraCells: 0, analystCalls: 1 });
    // The analyst's call is in the arm's spend: 2 × 110 worker tokens + 400 + 30 analyst tokens.
    expect(refineArm?.spend).toMatchObject({ tokensIn: 600, tokensOut: 50 });
    // 100 in × $2.50/M + 10 out × $10/M = $0.00035 per one-turn attempt (gpt-4o)
    for (const record of records) {
      expect(record.usage).toMatchObject({ turns: 1, tokensIn: 100, tokensOut: 10, costProvenance: 'estimated' });
      expect(record.usage.usd).toBeCloseTo(0.00035, 12);
    }
    // The refine arm's second attempt continued its first conversation, steered by the analyst's finding.
    const continued = workerModel.doGenerateCalls.find((call) => call.prompt.length === 3);
    expect(continued?.prompt[1]).toMatchObject({ role: 'assistant' });
    expect(JSON.stringify(continued?.prompt[2])).toContain('the answer skipped the units');
    expect(analystModel.doGenerateCalls.length).toBeGreaterThan(0);
    await corpus.close();
  });
});
