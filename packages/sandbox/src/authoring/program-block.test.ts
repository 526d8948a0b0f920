import { describe, expect, it } from 'vitest';
import { programBlock } from './program-block';

const ok = { truncated: false, maxChars: 200 };
const program = 'export default async function (ctx) {\n  await ctx.shot();\n}';

describe('programBlock', () => {
  it('takes the first js block, skipping a block of another language', () => {
    expect(
      programBlock(`Notes:\n\`\`\`json\n{"a":1}\n\`\`\`\nThe program:\n\`\`\`js\n${program}\n\`\`\`\nDone.`, ok),
    ).toEqual({
      kind: 'program',
      source: program,
    });
    expect(programBlock(`\`\`\`\n${program}\n\`\`\``, ok)).toEqual({ kind: 'program', source: program });
    // A longer fence holds a program that itself contains a fence in a string.
    const quoting = 'export default async function (ctx) { const s = "```"; await ctx.shot(); }';
    expect(programBlock(`\`\`\`\`javascript\n${quoting}\n\`\`\`\``, ok)).toEqual({ kind: 'program', source: quoting });
  });

  it('refuses a truncated answer even when its block is complete, and says why for every other refusal', () => {
    expect(programBlock(`\`\`\`js\n${program}\n\`\`\``, { ...ok, truncated: true })).toEqual({
      kind: 'rejected',
      reason: 'the answer was cut off at the output token limit, so the program is incomplete',
    });
    expect(programBlock('export default async function () {}', ok).kind).toBe('rejected');
    expect(programBlock(`\`\`\`js\n${program}`, ok)).toEqual({
      kind: 'rejected',
      reason: 'the code block was never closed',
    });
    expect(programBlock('```js\n  \n```', ok)).toEqual({ kind: 'rejected', reason: 'the code block is empty' });
    expect(programBlock(`\`\`\`js\n${'x'.repeat(201)}\n\`\`\``, ok)).toEqual({
      kind: 'rejected',
      reason: 'the program has 201 characters, above the limit of 200',
    });
  });
});
