import { simFamily } from '@ratchet/environments';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../compile-program';
import { programController, programOf, programPlan } from '../program-controller';
import { builtInProgramSources } from '../programs/built-in-programs';
import { strategyApiReference } from '../strategy-api-reference';
import { authorStrategy } from './author-strategy';
import { smokeRunner } from './smoke-runner';

type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;

const answer = (source: string): GenerateResult => ({
  content: [{ type: 'text', text: `\`\`\`js\n${source}\n\`\`\`` }],
  finishReason: { unified: 'stop', raw: 'stop' },
  usage: {
    inputTokens: { total: 2000, noCache: 2000, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 300, text: 300, reasoning: undefined },
  },
  warnings: [],
});

const doesNotParse = 'export default async function (ctx) {\n  const first = await ctx.shot(;\n}';
const runsAway = 'export default async function (ctx) {\n  await ctx.shot();\n  for (;;) {}\n}';
const good = [
  "export const name = 'refine-from-best';",
  'export default async function (ctx) {',
  '  let last = await ctx.shot();',
  '  while (ctx.history.length < ctx.k && !ctx.stop()) {',
  '    last = await ctx.shot({ findings: await ctx.observe(last.attemptId), from: last.continuable ? last.attemptId : undefined });',
  '  }',
  '}',
].join('\n');

/**
 * Authoring with the real sandbox: drafts compiled by `compileProgram` and smoke-run on `sim` tasks. The
 * model (a mock) writes a draft that does not parse, then one that runs away, then a good one; each
 * refusal reaches the model with the sandbox's own message.
 */
describe('authorStrategy with the sandbox', () => {
  it('revises a draft that does not compile and one that runs away, and accepts the one that works', async () => {
    const drafts = [answer(doesNotParse), answer(runsAway), answer(good)];
    let call = 0;
    const model = new MockLanguageModelV4({ doGenerate: async () => drafts[call++] as GenerateResult });
    const sim = simFamily.create({ count: 10, seed: 7 });
    const tasks = (await sim.environment.tasks('train')).slice(0, 3);
    const result = await authorStrategy({
      model,
      examples: [{ name: 'refine', source: builtInProgramSources.refine, note: 'built-in' }],
      goal: 'Write a refine strategy.',
      rounds: 2,
      reference: strategyApiReference,
      compile: (source) => compileProgram(source),
      smoke: smokeRunner({ family: sim, tasks, k: 3, limits: { cpuMs: 200 } }),
    });
    expect(result.drafts.map((draft) => draft.outcome)).toEqual(['compile-error', 'smoke-failed', 'accepted']);
    expect(result.drafts[0]?.message).toMatch(/^it does not compile in the sandbox: .*line 2/);
    expect(result.drafts[1]?.message).toMatch(
      /^it failed when run on sample tasks: 3 of 3 cells failed as a program; on task .*CPU limit/,
    );
    expect(result.drafts[2]?.message).toMatch(/^3 smoke cells, \d+ attempts, no program failure/);
    expect(result).toMatchObject({ kind: 'program', program: { name: 'refine-from-best', source: good } });
    expect(result.usage).toEqual({ calls: 3, tokensIn: 6000, tokensOut: 900 });
  }, 30_000);

  it("program candidates: the program is the controller's component, in its hash, run by programPlan", async () => {
    expect(programController.parameters.program).toBe(builtInProgramSources.refine);
    const other = programController.withParameters({ ...programController.parameters, program: good });
    expect(other.hash).not.toBe(programController.hash);
    const plan = programPlan(3)(other);
    expect(plan.k).toBe(3);
    expect(plan.strategy.name).toBe('refine-from-best');
    expect(programOf(good)).toEqual({
      source: good,
      hash: expect.stringMatching(/^[0-9a-f]{16}$/),
      name: 'refine-from-best',
    });
  });
});
