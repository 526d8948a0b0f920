import { dslController } from '@ratchet/environments';
import { defaultController } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../candidate';
import { candidateOf } from '../test';
import type { ProposalRequest, ReflectiveExample } from './proposer';
import { ProposerOptionsError } from './proposer-options-error';
import { type ReflectiveProposerOptions, reflectiveProposer } from './reflective-proposer';
import { answer, type GenerateResult, promptOf, usage } from './testing/model-answers';
import { attemptOf, exampleOf } from './testing/reflective-examples';

const parent = candidateOf(defaultController);

function request(overrides: Partial<ProposalRequest> = {}, from: Candidate = parent): ProposalRequest {
  return {
    parent: from,
    component: 'preamble',
    schema: from.controller.schema,
    examples: [exampleOf('t1'), exampleOf('t2')],
    rejected: new Set(),
    random: createRng(1),
    ...overrides,
  };
}

async function propose(
  result: GenerateResult,
  overrides: Partial<ProposalRequest> = {},
  options: Partial<ReflectiveProposerOptions> = {},
) {
  const model = new MockLanguageModelV4({ doGenerate: result });
  const proposal = await reflectiveProposer({ model, ...options }).propose(request(overrides));
  return { proposal, model };
}

/** Usage of a call that reported 1,000 tokens in and 200 out, with no price: tokens known, dollars not. */
const unpriced = { calls: 1, tokensIn: 1000, tokensOut: 200, usd: null, costProvenance: 'unknown' } as const;

describe('reflectiveProposer', () => {
  it('proposes the text in the fenced block, asking with the value, the examples and the answer format', async () => {
    const { proposal, model } = await propose(
      answer('Rewritten:\n```text\n  Name the failing check first.  \n```\nShorter.'),
    );
    expect(proposal).toEqual({
      kind: 'proposal',
      parameters: { ...defaultController.parameters, preamble: 'Name the failing check first.' },
      note: 'rewrote "preamble" from 2 of 2 examples',
      usage: unpriced,
    });
    expect(model.doGenerateCalls[0]?.maxOutputTokens).toBe(4096);
    const prompt = promptOf(model);
    expect(prompt).toContain(
      `The component to rewrite is \`preamble\`. Its current value:\n\`\`\`\n${defaultController.parameters.preamble}\n\`\`\``,
    );
    expect(prompt).toContain('### Example 2: task t2 (score 0)');
    expect(prompt).toContain('STEER-1: check the edge cases');
    expect(prompt).toMatch(/at most 8000 characters, and nothing else inside the block\.$/);
    expect(prompt).not.toContain('Left out');
  });

  it('builds the prompt only from the fields ReflectiveExample lists, whatever else an object carries', async () => {
    // The type has no verdict field, so a literal cannot name one; an object built elsewhere can still carry one at runtime.
    const attempt = { ...attemptOf(0), verdict: 'ATTEMPT-VERDICT', reference: 'HIDDEN-TESTS' };
    const carrying = {
      ...exampleOf('t1'),
      verdict: { reason: 'VERDICT-TEXT' },
      expected: 'EXPECTED-ANSWER',
      attempts: [attempt],
    };
    const smuggled: ReflectiveExample = carrying;
    const { model } = await propose(answer('```\nx\n```'), { examples: [smuggled] });
    const prompt = promptOf(model);
    expect(prompt).toContain('OUTPUT-0');
    for (const leak of ['VERDICT-TEXT', 'EXPECTED-ANSWER', 'ATTEMPT-VERDICT', 'HIDDEN-TESTS', 'verdict', 'reference']) {
      expect(prompt).not.toContain(leak);
    }
  });

  it('refuses a truncated answer even when its block is complete, and still counts its usage', async () => {
    const { proposal } = await propose(answer('```\nBe brief.\n```', usage(1000, 4096), 'length'));
    expect(proposal).toEqual({
      kind: 'invalid',
      reason: 'truncated: the answer reached maxTokens (4096) before it ended',
      usage: { ...unpriced, tokensOut: 4096 },
    });
  });

  it('refuses an answer with no fenced block, or one never closed', async () => {
    expect((await propose(answer('Be brief.'))).proposal).toMatchObject({
      kind: 'invalid',
      reason: 'no fenced block in the answer',
    });
    expect((await propose(answer('```\nBe brief.'))).proposal).toMatchObject({
      kind: 'invalid',
      reason: 'the answer opens a fenced block but never closes it',
    });
  });

  it('refuses parameters the schema rejects, naming the field', async () => {
    const { proposal } = await propose(answer('```json\n50\n```'), { component: 'maxFindings' });
    expect(proposal).toMatchObject({
      kind: 'invalid',
      reason: 'the new parameters fail the schema: maxFindings: Too big: expected number to be <=20',
    });
    const notJson = await propose(answer('```json\nfifty\n```'), { component: 'maxFindings' });
    expect(notJson.proposal).toMatchObject({ reason: 'the block for JSON component "maxFindings" is not JSON' });
  });

  it('refuses an over-long or empty text', async () => {
    const long = await propose(answer(`\`\`\`\n${'a'.repeat(21)}\n\`\`\``), {}, { maxComponentChars: 20 });
    expect(long.proposal).toMatchObject({
      kind: 'invalid',
      reason: 'the block for "preamble" has 21 characters, above maxComponentChars (20)',
    });
    expect(promptOf(long.model)).toContain('at most 20 characters');
    expect((await propose(answer('```\n  \n```'))).proposal).toMatchObject({
      reason: 'the block for "preamble" is empty',
    });
  });

  it('refuses an unchanged value and one already rejected for this parent', async () => {
    const same = await propose(answer(`\`\`\`\n${defaultController.parameters.preamble}\n\`\`\``));
    expect(same.proposal).toMatchObject({
      kind: 'invalid',
      reason: 'unchanged: the answer repeats the current value of "preamble"',
    });
    const rejected = defaultController.withParameters({ ...defaultController.parameters, preamble: 'Be brief.' });
    const again = await propose(answer('```\nBe brief.\n```'), { rejected: new Set([rejected.hash]) });
    expect(again.proposal).toMatchObject({
      kind: 'invalid',
      reason: `already rejected: candidate ${rejected.hash} was rejected for this parent`,
    });
  });

  it('rewrites a JSON component, showing its JSON Schema', async () => {
    const dsl = candidateOf(dslController);
    const model = new MockLanguageModelV4({ doGenerate: answer('```json\n{ "zipwith": 2, "map": 1.2 }\n```') });
    const proposal = await reflectiveProposer({ model }).propose(request({ component: 'stallBoosts' }, dsl));
    expect(proposal).toMatchObject({
      kind: 'proposal',
      parameters: { ...dslController.parameters, stallBoosts: { zipwith: 2, map: 1.2 } },
    });
    expect(promptOf(model)).toContain('"additionalProperties":{"type":"number","exclusiveMinimum":0,"maximum":10}');
    expect(promptOf(model)).toContain('```json\n{\n  "zipwith": 1.5\n}\n```');
  });

  it('cuts the examples to the token budget and says in the prompt and the note how many were left out', async () => {
    // Each input is 501 tokens ('apple ' × 500): with its two short attempts an example is ≈ 630 tokens, so 2 of 5 fit 1,500.
    const examples = ['a', 'b', 'c', 'd', 'e'].map((id) => exampleOf(id, 2, 'apple '.repeat(500)));
    const { proposal, model } = await propose(
      answer('```\nBe brief.\n```'),
      { examples },
      { datasetTokenBudget: 1500 },
    );
    const prompt = promptOf(model);
    expect(prompt).toContain('### Example 2: task b');
    expect(prompt).not.toContain('task c');
    expect(prompt).toContain('(Left out to fit the budget of 1500 tokens: 3 of 5 examples.)');
    expect(proposal).toMatchObject({
      note: 'rewrote "preamble" from 2 of 5 examples (3 examples and 0 attempts left out)',
    });
  });

  it('estimates dollars from a price, and leaves them unknown (never 0) without one', async () => {
    const price = { inputPerMTok: 3, outputPerMTok: 15 };
    const priced = await propose(answer('```\nBe brief.\n```', usage(1000, 500)), {}, { price });
    // 1,000 × $3/M + 500 × $15/M = $0.003 + $0.0075
    expect(priced.proposal.usage).toEqual({
      calls: 1,
      tokensIn: 1000,
      tokensOut: 500,
      usd: 0.0105,
      costProvenance: 'estimated',
    });
    const unmeasured = await propose(answer('```\nBe brief.\n```', usage(undefined, undefined)), {}, { price });
    expect(unmeasured.proposal.usage).toEqual({
      calls: 1,
      tokensIn: null,
      tokensOut: null,
      usd: null,
      costProvenance: 'unknown',
    });
    expect((await propose(answer('```\nBe brief.\n```', usage(1000, 500)))).proposal.usage).toEqual({
      calls: 1,
      tokensIn: 1000,
      tokensOut: 500,
      usd: null,
      costProvenance: 'unknown',
    });
  });

  it('refuses budgets that are not positive integers and negative prices', () => {
    const model = new MockLanguageModelV4();
    expect(() => reflectiveProposer({ model, datasetTokenBudget: 0 })).toThrow(ProposerOptionsError);
    expect(() => reflectiveProposer({ model, maxTokens: 1.5 })).toThrow(
      'reflectiveProposer: option "maxTokens" must be an integer ≥ 1, received 1.5',
    );
    expect(() => reflectiveProposer({ model, price: { inputPerMTok: -1, outputPerMTok: 1 } })).toThrow(
      /"price.inputPerMTok" must be/,
    );
  });

  it('rewrites only the components it is given, skipping names the parent lacks', () => {
    const model = new MockLanguageModelV4();
    const only = reflectiveProposer({ model, components: ['closing', 'skill'] });
    expect(only.components?.(parent)).toEqual(['closing']);
    expect(reflectiveProposer({ model }).components).toBeUndefined();
    expect(() => reflectiveProposer({ model, components: [] })).toThrow(/option "components" is empty/);
  });
});
