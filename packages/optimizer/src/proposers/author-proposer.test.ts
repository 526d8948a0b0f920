import { defineController } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { candidateOf } from '../test';
import { type AuthorProposerOptions, authorProposer } from './author-proposer';
import type { ProposalRequest } from './proposer';
import { answer, type GenerateResult, promptOf } from './testing/model-answers';
import { exampleOf } from './testing/reflective-examples';

const blind = 'export default async function (ctx) {\n  await ctx.shot();\n}';
const twice =
  'export default async function (ctx) {\n  const first = await ctx.shot();\n  await ctx.shot({ findings: await ctx.observe(first.attemptId), from: first.attemptId });\n}';

/** A controller whose one component is a strategy program. */
const programController = defineController({
  id: 'program-test',
  schema: z.strictObject({ program: z.string().max(20_000) }),
  parameters: { program: blind },
  steer: () => ({ text: 'try again' }),
});

function setup(answers: GenerateResult[], overrides: Partial<AuthorProposerOptions> = {}) {
  let call = 0;
  const model = new MockLanguageModelV4({
    doGenerate: async () => answers[Math.min(call++, answers.length - 1)] as GenerateResult,
  });
  const compiled: string[] = [];
  const proposer = authorProposer({
    model,
    examples: [{ name: 'blind', source: blind, note: 'built-in' }],
    reference: 'ctx.shot({ findings, from }) …',
    compile: async (source) => {
      compiled.push(source);
      return { source, hash: `h${compiled.length}`, name: 'draft' };
    },
    smoke: async () => ({ ok: true, note: 'ok' }),
    ...overrides,
  });
  const parent = candidateOf(programController);
  const request: ProposalRequest = {
    parent,
    component: 'program',
    schema: programController.schema,
    examples: [exampleOf('t1')],
    rejected: new Set(),
    random: createRng(1),
  };
  return { model, proposer, request, compiled };
}

describe('authorProposer', () => {
  it("rewrites the parent's program from its minibatch, and the new program is in the candidate's hash", async () => {
    const s = setup([answer(`\`\`\`js\n${twice}\n\`\`\``)], { price: { inputPerMTok: 3, outputPerMTok: 15 } });
    expect(s.proposer.components?.(s.request.parent)).toEqual(['program']);
    const proposal = await s.proposer.propose(s.request);
    expect(proposal).toEqual({
      kind: 'proposal',
      parameters: { program: twice },
      note: 'wrote program draft (h1)',
      usage: { calls: 1, tokensIn: 1000, tokensOut: 200, usd: 0.006, costProvenance: 'estimated' },
    });
    const prompt = promptOf(s.model);
    expect(prompt).toContain(`Improve this program. It is the current strategy:\n\n\`\`\`js\n${blind}\n\`\`\``);
    expect(prompt).toContain('### Example 1: task t1');
    expect(programController.withParameters({ program: twice }).hash).not.toBe(programController.hash);
  });

  it('reports a program no round could fix as invalid, before any evaluation, with the usage spent', async () => {
    const s = setup([answer(`\`\`\`js\n${twice}\n\`\`\``, undefined, 'length')], { rounds: 1 });
    const proposal = await s.proposer.propose(s.request);
    expect(proposal).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/^no draft passed in 2 attempts; the last was refused: the answer was cut off/),
      usage: { calls: 2, usd: null, costProvenance: 'unknown' },
    });
    expect(s.compiled).toEqual([]);
  });

  it('refuses the parent program written back unchanged, and a candidate already rejected', async () => {
    const same = setup([answer(`\`\`\`js\n${blind}\n\`\`\``)]);
    expect(await same.proposer.propose(same.request)).toMatchObject({
      kind: 'invalid',
      reason: 'unchanged: the model rewrote the parent program as it was',
    });
    const rejected = setup([answer(`\`\`\`js\n${twice}\n\`\`\``)]);
    const hash = programController.withParameters({ program: twice }).hash;
    const proposal = await rejected.proposer.propose({ ...rejected.request, rejected: new Set([hash]) });
    expect(proposal).toMatchObject({
      kind: 'invalid',
      reason: `already rejected: candidate ${hash} was rejected for this parent`,
    });
  });
});
