import { describe, expect, it } from 'vitest';
import { InvalidExpectedError } from './invalid-expected-error';
import { InvalidOptionsError } from './invalid-options-error';
import { regexJudge } from './regex-judge';

const task = { id: 'date', input: 'What is the date?' };

describe('regexJudge', () => {
  it('searches the output for the pattern and reports the match', async () => {
    const verdict = await regexJudge({ pattern: /\d{4}-\d{2}-\d{2}/ }).judge(task, 'It is 2026-11-22 today.');
    expect(verdict.resolved).toBe(true);
    expect(verdict.details).toEqual({ reason: 'match', match: '2026-11-22' });
  });

  it('requires the whole output to match with fullMatch, even for an alternation', async () => {
    const judge = regexJudge({ pattern: 'yes|no', fullMatch: true });
    expect((await judge.judge(task, 'yes')).resolved).toBe(true);
    // Without the non-capturing group, ^yes|no$ would accept "nope, yes".
    expect((await judge.judge(task, 'yes, no')).resolved).toBe(false);
  });

  it('uses string flags and ignores the stateful g and y flags', async () => {
    const judge = regexJudge({ pattern: 'paris', flags: 'gi' });
    expect((await judge.judge(task, 'PARIS')).resolved).toBe(true);
    // With a shared global RegExp the second call would start at lastIndex and fail.
    expect((await judge.judge(task, 'PARIS')).resolved).toBe(true);
  });

  it("takes the pattern from each task's expected value when none is configured", async () => {
    const judge = regexJudge({ fullMatch: true });
    expect((await judge.judge({ ...task, expected: /\d+/ }, '123')).resolved).toBe(true);
    expect((await judge.judge({ ...task, expected: '[a-z]+' }, '123')).details).toEqual({ reason: 'no-match' });
  });

  it('scores a non-string output as unresolved', async () => {
    const verdict = await regexJudge({ pattern: /1/ }).judge(task, 1);
    expect(verdict).toMatchObject({ resolved: false, details: { reason: 'output-not-string' } });
  });

  it('refuses a pattern that does not compile, in options or in a task', async () => {
    expect(() => regexJudge({ pattern: '(' })).toThrow(InvalidOptionsError);
    expect(() => regexJudge({ pattern: '(' })).toThrow(/regexJudge: invalid options — pattern: does not compile/);
    await expect(regexJudge().judge({ ...task, expected: '[' }, 'x')).rejects.toThrow(InvalidExpectedError);
    await expect(regexJudge().judge(task, 'x')).rejects.toMatchObject({ taskId: 'date', judgeId: 'regex' });
  });

  it('refuses unknown flags', () => {
    expect(() => regexJudge({ pattern: 'a', flags: 'x' })).toThrow(/flags: must contain only regular expression flags/);
  });
});
