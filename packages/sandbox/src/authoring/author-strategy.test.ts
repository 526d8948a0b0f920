import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { StrategyProgram } from '../strategy-program';
import { authorStrategy } from './author-strategy';
import type { AuthorStrategyOptions, SmokeResult } from './authoring-types';

type GenerateResult = Awaited<ReturnType<MockLanguageModelV4['doGenerate']>>;

function answer(text: string, finish: 'stop' | 'length' = 'stop'): GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: finish, raw: finish },
    usage: {
      inputTokens: { total: 900, noCache: 900, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 150, text: 150, reasoning: undefined },
    },
    warnings: [],
  };
}

const good =
  "export const name = 'twice';\nexport default async function (ctx) {\n  const first = await ctx.shot();\n  await ctx.shot({ findings: await ctx.observe(first.attemptId), from: first.attemptId });\n}";
const broken = 'export default async function (ctx) {\n  await ctx.shot(\n}';

/** A model that answers each call with the next of `answers`, and the prompts it was sent. */
function scripted(answers: GenerateResult[]) {
  let call = 0;
  const model = new MockLanguageModelV4({
    doGenerate: async () => answers[Math.min(call++, answers.length - 1)] as GenerateResult,
  });
  const sent = () =>
    model.doGenerateCalls.map((options) =>
      options.prompt.map((message) =>
        typeof message.content === 'string'
          ? message.content
          : message.content.map((part) => ('text' in part ? part.text : '')).join(''),
      ),
    );
  return { model, sent };
}

function setup(answers: GenerateResult[], overrides: Partial<AuthorStrategyOptions> = {}) {
  const { model, sent } = scripted(answers);
  const compiled: string[] = [];
  const smoked: string[] = [];
  const options: AuthorStrategyOptions = {
    model,
    examples: [
      { name: 'refine', source: 'export default async function (ctx) { await ctx.shot(); }', note: 'built-in' },
    ],
    goal: 'Write a strategy for program-synthesis tasks that uses its attempts better than refine@4.',
    rounds: 2,
    reference: 'ctx.shot({ findings, from }) makes one attempt …',
    compile: async (source): Promise<StrategyProgram> => {
      compiled.push(source);
      if (source.includes('shot(\n}')) throw new Error("SyntaxError: unexpected token '}' at line 3, column 1");
      return { source, hash: `h${compiled.length}`, name: 'twice' };
    },
    smoke: async (program): Promise<SmokeResult> => {
      smoked.push(program.source);
      return { ok: true, note: '3 sim cells, 6 attempts, no program failure' };
    },
    ...overrides,
  };
  return { options, compiled, smoked, sent };
}

describe('authorStrategy', () => {
  it('accepts a good program the first time, shown the API, the examples and the goal', async () => {
    const s = setup([answer(`Here it is:\n\`\`\`js\n${good}\n\`\`\``)]);
    const result = await authorStrategy(s.options);
    expect(result).toEqual({
      kind: 'program',
      program: { source: good, hash: 'h1', name: 'twice' },
      drafts: [{ round: 0, outcome: 'accepted', message: '3 sim cells, 6 attempts, no program failure', source: good }],
      usage: { calls: 1, tokensIn: 900, tokensOut: 150 },
    });
    const [prompt] = s.sent()[0] as string[];
    expect(prompt).toContain('## The strategy API\n\nctx.shot({ findings, from }) makes one attempt …');
    expect(prompt).toContain(
      '### Example 1: refine (built-in)\n```js\nexport default async function (ctx) { await ctx.shot(); }\n```',
    );
    expect(prompt).toContain('uses its attempts better than refine@4');
    expect(prompt).toMatch(/At most 20000 characters; nothing but the program inside the block\.$/);
  });

  it('sends a draft that does not compile back with the error, and accepts the revision', async () => {
    const s = setup([answer(`\`\`\`js\n${broken}\n\`\`\``), answer(`\`\`\`js\n${good}\n\`\`\``)]);
    const result = await authorStrategy(s.options);
    expect(result.kind).toBe('program');
    expect(result.drafts.map((draft) => draft.outcome)).toEqual(['compile-error', 'accepted']);
    expect(s.compiled).toEqual([broken, good]);
    expect(s.smoked).toEqual([good]);
    // The second call carries the whole conversation: the first draft and why it was refused.
    const second = s.sent()[1] as string[];
    expect(second).toHaveLength(3);
    expect(second[2]).toBe(
      "That draft was refused: it does not compile in the sandbox: SyntaxError: unexpected token '}' at line 3, column 1\n\nWrite the whole program again with this fixed, in one ```js code block.",
    );
    expect(result.usage).toEqual({ calls: 2, tokensIn: 1800, tokensOut: 300 });
  });

  it('refuses a truncated program before anything runs, and fails when no round is left', async () => {
    const s = setup([answer(`\`\`\`js\n${good}\n\`\`\``, 'length')], { rounds: 0 });
    const result = await authorStrategy(s.options);
    expect(result).toMatchObject({
      kind: 'failed',
      reason:
        'no draft passed in 1 attempt; the last was refused: the answer was cut off at the output token limit, so the program is incomplete',
    });
    expect(s.compiled).toEqual([]);
    expect(s.smoked).toEqual([]);
  });

  it('sends a program that fails its smoke run back with the failure', async () => {
    let runs = 0;
    const s = setup([answer(`\`\`\`js\n${good}\n\`\`\``)], {
      rounds: 1,
      smoke: async () =>
        runs++ === 0
          ? { ok: false, error: 'cell sim-3: the program exceeded its CPU limit (2000 ms)' }
          : { ok: true, note: 'fine' },
    });
    const result = await authorStrategy(s.options);
    expect(result.drafts.map((draft) => [draft.outcome, draft.message])).toEqual([
      ['smoke-failed', 'it failed when run on sample tasks: cell sim-3: the program exceeded its CPU limit (2000 ms)'],
      ['accepted', 'fine'],
    ]);
  });

  it('stops at the token budget, and refuses a negative number of rounds', async () => {
    const s = setup([answer('no code here')], { budget: { maxTotalTokens: 1000 } });
    const result = await authorStrategy(s.options);
    expect(result).toMatchObject({ kind: 'failed', reason: 'the token budget (1000) is spent after 1 calls' });
    await expect(authorStrategy({ ...s.options, rounds: -1 })).rejects.toThrow(/rounds must be a whole number ≥ 0/);
  });
});
