import { describe, expect, it } from 'vitest';
import { dslEnvironment } from './dsl-environment';
import { dslJudge } from './dsl-judge';
import { dslTask } from './dsl-tasks';
import { dslWorker } from './dsl-worker';
import { makeAttemptInput } from './make-attempt-input';

const now = () => new Date('2025-01-01T00:00:00Z');

describe('dslJudge', () => {
  it('resolves the target and scores the hidden pass rate of another program', async () => {
    const task = dslTask(0, 8); // (head (drop 1 xs))
    const judge = dslJudge();
    const right = await judge.judge(task, task.expected.program, { now });
    expect(right).toMatchObject({ resolved: true, scores: { correct: { value: 1 }, hiddenPassRate: { value: 1 } } });
    // (last (take 2 xs)) differs only on one-element lists: 23 of the 24 hidden examples pass.
    const close = await judge.judge(task, '(last (take 2 xs))', { now });
    expect(close.resolved).toBe(false);
    expect(close.scores).toEqual({
      correct: { value: 0, direction: 'maximize' },
      hiddenPassRate: { value: 23 / 24, direction: 'maximize' },
    });
    expect((await judge.judge(task, 'not a program', { now })).scores.hiddenPassRate?.value).toBe(0);
  });

  it('names no program in its verdict: details hold counts, never the target', async () => {
    const task = dslTask(0, 8); // (head (drop 1 xs))
    const judge = dslJudge();
    for (const output of [task.expected.program, '(last (take 2 xs))', 'not a program']) {
      const verdict = await judge.judge(task, output, { now });
      expect(Object.keys(verdict.details ?? {})).not.toContain('target');
      expect(JSON.stringify(verdict)).not.toContain('(head (drop 1 xs))');
    }
    expect((await judge.judge(task, '(last (take 2 xs))', { now })).details).toEqual({ passed: 23, total: 24 });
  });

  it('refuses a task without a dsl reference as a benchmark bug', async () => {
    await expect(dslJudge().judge({ id: 't', input: {}, expected: 'x' }, '(sum xs)')).rejects.toThrow(
      /task t has an unusable expected value/,
    );
  });

  it('catches programs that fit the visible examples but not the hidden ones on some tasks', async () => {
    const environment = dslEnvironment({ count: 12, seed: 0 });
    const worker = dslWorker();
    const judge = dslJudge();
    const overfit: string[] = [];
    const signal = new AbortController().signal;
    for (const task of await environment.tasks()) {
      const result = await worker.attempt(makeAttemptInput(task as ReturnType<typeof dslTask>), signal);
      const [check] = await environment.checks(await environment.open(task), result.output);
      const verdict = await judge.judge(task, result.output, { now });
      if (check?.passed && !verdict.resolved) overfit.push(task.id);
    }
    // e.g. dsl-0-0003: (take 2 (map (+ 1) (drop 3 xs))) is fitted by (drop 3 (map (+ 1) xs)) on 3 short lists.
    expect(overfit).toEqual(['dsl-0-0003', 'dsl-0-0008']);
  });
});
