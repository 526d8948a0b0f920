import type { AnalystMeter, AttemptView } from '@ratchet/runtime';
import { InfraError } from '@ratchet/runtime';
import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { textAnswer, usage } from '../chat/testing/generate-results';
import { WorkerConfigError } from '../worker-config-error';
import { llmAnalyst } from './llm-analyst';
import { MalformedAnalystOutputError } from './malformed-analyst-output-error';

const attempt: AttemptView = {
  attemptId: 'run/arm/t1/0/t0/a1',
  index: 1,
  steer: { text: 'Run the tests before answering.' },
  from: null,
  output: 'patched src/sum.ts',
  events: [
    { type: 'tool-call', data: { turn: 1, toolName: 'run', input: { command: 'npm test' } } },
    { type: 'error', data: { turn: 1, toolName: 'run', error: 'npm: command not found' } },
    { type: 'message', data: { turn: 2, text: 'patched src/sum.ts' } },
  ],
  checks: [{ name: 'visible-tests', passed: false, score: 0.5, details: { failed: ['sum handles []'] } }],
  usage: {
    turns: 2,
    tokensIn: 900,
    tokensOut: 80,
    usd: null,
    wallMs: 1200,
    workUnits: null,
    costProvenance: 'unknown',
  },
  failure: null,
  continuable: true,
};

function meter() {
  const records: Parameters<AnalystMeter['record']>[0][] = [];
  return { records, record: (entry: (typeof records)[number]) => records.push(entry) };
}

const findingsJson = JSON.stringify({
  findings: [
    { claim: 'the test command failed: npm is not installed', evidence: 'npm: command not found', events: [1] },
    { claim: 'the empty-array case is not handled', evidence: 'visible-tests failed on "sum handles []"', events: [] },
    { claim: 'the answer did not mention the failed test run', evidence: 'final message', events: [2] },
  ],
});

describe('llmAnalyst', () => {
  it('returns the model’s findings with origin trace, and meters the call', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer(findingsJson, usage(2000, 150)) });
    const analyst = llmAnalyst({
      model: 'openai:gpt-4o',
      languageModel: model,
      budgetTokens: 4000,
      maxFindings: 2,
      env: {},
    });
    const spend = meter();
    const findings = await analyst.observe(attempt, [attempt], spend);

    expect(findings).toEqual([
      {
        claim: 'the test command failed: npm is not installed',
        evidence: {
          text: 'npm: command not found',
          events: [1],
          trace: { compressed: false, budgetTokens: expect.any(Number), keptEvents: 3, totalEvents: 3 },
        },
        origin: 'trace',
      },
      expect.objectContaining({ claim: 'the empty-array case is not handled', origin: 'trace' }),
    ]);
    // gpt-4o: 2,000 in × $2.50/M + 150 out × $10/M = $0.0065
    expect(spend.records).toEqual([
      {
        turns: 1,
        tokensIn: 2000,
        tokensOut: 150,
        usd: 0.0065,
        costProvenance: 'estimated',
        wallMs: expect.any(Number),
      },
    ]);
    expect(analyst.id).toBe('llm-analyst:openai:gpt-4o');
  });

  it('asks for structured output and states the limit, the budget and the compressed trace', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer('{"findings":[]}') });
    const analyst = llmAnalyst({
      model: 'openai:gpt-4o',
      languageModel: model,
      budgetTokens: 4000,
      maxFindings: 2,
      env: {},
    });
    expect(await analyst.observe(attempt, [attempt])).toEqual([]);

    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat).toMatchObject({ type: 'json', name: 'findings', schema: { type: 'object' } });
    const [system, user] = call?.prompt ?? [];
    expect(system).toMatchObject({ role: 'system', content: expect.stringContaining('at most 2 findings') });
    const text = JSON.stringify(user);
    expect(text).toContain('Steer it was given: Run the tests before answering.');
    expect(text).toContain('visible-tests: failed, score 0.5');
    expect(text).toMatch(/The trace has 3 events and is shown whole \(about \d+ of a \d+-token budget/);
    expect(text).toContain('#1 error {\\"turn\\":1,\\"toolName\\":\\"run\\",\\"error\\":\\"npm: command not found\\"}');
  });

  it('never passes on a verdict, even one smuggled onto the view', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer('{"findings":[]}') });
    const analyst = llmAnalyst({
      model: 'openai:gpt-4o',
      languageModel: model,
      budgetTokens: 4000,
      maxFindings: 3,
      env: {},
    });
    const smuggled = { ...attempt, verdict: { passed: false, score: 0, secretAnswer: 'HIDDEN-REFERENCE-42' } };
    await analyst.observe(smuggled, [smuggled]);
    const prompt = JSON.stringify(model.doGenerateCalls[0]?.prompt);
    expect(prompt).not.toContain('HIDDEN-REFERENCE-42');
    expect(prompt).not.toContain('verdict');
  });

  it('raises a typed error with the raw text for an answer that is not JSON, and still meters it', async () => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer('Looks fine to me!', usage(500, 6)) });
    const analyst = llmAnalyst({
      model: 'openai:gpt-4o',
      languageModel: model,
      budgetTokens: 1000,
      maxFindings: 3,
      env: {},
    });
    const spend = meter();
    const error = await analyst.observe(attempt, [attempt], spend).catch((caught: unknown) => caught);

    expect(MalformedAnalystOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ rawText: 'Looks fine to me!', model: 'openai:gpt-4o' });
    expect((error as Error).message).toMatch(/not valid findings JSON \(could not parse the response\)/);
    expect(spend.records).toEqual([expect.objectContaining({ tokensIn: 500, tokensOut: 6 })]);
  });

  it.each([
    ['a missing field', '{"findings":[{"claim":"x","evidence":"y"}]}', /response did not match schema/],
    [
      'an empty claim',
      '{"findings":[{"claim":" ","evidence":"y","events":[]}]}',
      /findings\.0\.claim: a finding has an empty claim/,
    ],
    ['a negative event index', '{"findings":[{"claim":"x","evidence":"y","events":[-1]}]}', /findings\.0\.events\.0/],
  ])('raises the typed error for JSON with %s, never an empty result', async (_case, raw, why) => {
    const model = new MockLanguageModelV4({ doGenerate: textAnswer(raw) });
    const analyst = llmAnalyst({
      model: 'openai:gpt-4o',
      languageModel: model,
      budgetTokens: 1000,
      maxFindings: 3,
      env: {},
    });
    const error = await analyst.observe(attempt, [attempt]).catch((caught: unknown) => caught);
    expect(MalformedAnalystOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ rawText: raw });
    expect((error as Error).message).toMatch(why);
  });

  it('raises the typed error when the answer stopped before any JSON', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: {
        content: [],
        finishReason: { unified: 'length', raw: 'max_tokens' },
        usage: usage(800, 0),
        warnings: [],
      },
    });
    const analyst = llmAnalyst({
      model: 'openai:gpt-4o',
      languageModel: model,
      budgetTokens: 1000,
      maxFindings: 3,
      env: {},
    });
    const spend = meter();
    const error = await analyst.observe(attempt, [attempt], spend).catch((caught: unknown) => caught);
    expect(MalformedAnalystOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ rawText: '' });
    expect((error as Error).message).toMatch(/the answer ended with "length" and no JSON/);
    expect(spend.records).toEqual([expect.objectContaining({ tokensIn: 800, tokensOut: 0 })]);
  });

  it('makes a rate limit a retryable InfraError', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new APICallError({
          message: 'Too many requests',
          url: 'https://api.anthropic.com/v1/messages',
          requestBodyValues: {},
          statusCode: 429,
          responseHeaders: { 'retry-after': '20' },
        });
      },
    });
    const analyst = llmAnalyst({
      model: 'anthropic:claude-sonnet-4-0',
      languageModel: model,
      budgetTokens: 1000,
      maxFindings: 3,
      maxRetries: 0,
      env: {},
    });
    const error = await analyst.observe(attempt, [attempt]).catch((caught: unknown) => caught);
    expect(InfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true, retryAfterMs: 20_000 });
  });

  it('refuses a budget or a finding limit too small to use', () => {
    const base = { model: 'openai:gpt-4o', languageModel: new MockLanguageModelV4(), env: {} };
    expect(() => llmAnalyst({ ...base, budgetTokens: 100, maxFindings: 3 })).toThrow(WorkerConfigError);
    expect(() => llmAnalyst({ ...base, budgetTokens: 1000, maxFindings: 0 })).toThrow(/maxFindings must be/);
  });
});
