import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidOptionsError } from './invalid-options-error';
import { schemaJudge } from './schema-judge';

const task = { id: 'person', input: 'Describe Ada as JSON.' };
const person = z.strictObject({ name: z.string(), age: z.number().int().nonnegative() });

describe('schemaJudge', () => {
  it('parses a JSON string and resolves when it conforms', async () => {
    const verdict = await schemaJudge({ schema: person }).judge(task, '{"name":"Ada","age":36}');
    expect(verdict.resolved).toBe(true);
    expect(verdict.scores).toEqual({
      correct: { value: 1, direction: 'maximize' },
      schemaIssues: { value: 0, direction: 'minimize' },
    });
  });

  it('counts and lists every issue by path, without the values', async () => {
    const verdict = await schemaJudge({ schema: person }).judge(task, { name: 7, age: -1, extra: 'secret' });
    expect(verdict.resolved).toBe(false);
    expect(verdict.scores.schemaIssues?.value).toBe(3);
    const details = verdict.details as { issues: { path: string; message: string }[] };
    expect(details.issues.map((issue) => issue.path)).toEqual(['name', 'age', '']);
    expect(JSON.stringify(details)).not.toContain('secret');
  });

  it('scores output that is not JSON as one issue', async () => {
    const verdict = await schemaJudge({ schema: person }).judge(task, '{name: Ada}');
    expect(verdict.resolved).toBe(false);
    expect(verdict.scores.schemaIssues?.value).toBe(1);
    expect(verdict.details).toMatchObject({ reason: 'not-json' });
  });

  it('validates a string as a string when parseJson is off', async () => {
    const judge = schemaJudge({ schema: z.string().regex(/^\{/), parseJson: false });
    expect((await judge.judge(task, '{"a":1}')).resolved).toBe(true);
  });

  it('supports async refinements', async () => {
    const schema = z.string().refine(async (value) => value === 'ok', 'must be ok');
    expect((await schemaJudge({ schema, parseJson: false }).judge(task, 'ok')).resolved).toBe(true);
  });

  it('refuses a schema that is not a zod schema', () => {
    expect(() => schemaJudge({ schema: { type: 'object' } as never })).toThrow(InvalidOptionsError);
    expect(() => schemaJudge({ schema: { type: 'object' } as never })).toThrow(/schema: must be a zod schema/);
  });
});
