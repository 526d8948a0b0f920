import { openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { SplitOverlapError } from '../contracts/split-overlap-error';
import { digitBenchmark, digitTasks } from '../fixtures/digits-benchmark';
import { random, refine } from '../strategies/built-in-strategies';
import { scriptedEnvironment } from '../test/scripted-environment';
import { runBenchmark } from './run-benchmark';

const arms = [
  { id: 'random', ...random(2) },
  { id: 'refine', ...refine(2) },
];

describe('train, val and holdout never overlap (docs/design.md rule 6)', () => {
  it('refuses an environment that lists a task id in two splits, for any environment', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const tasks = digitTasks(3);
    const leaky = [...tasks, { ...(tasks[1] as (typeof tasks)[number]), split: 'holdout' as const }];
    const run = runBenchmark({ ...digitBenchmark(3), environment: scriptedEnvironment(leaky), corpus, arms });
    await expect(run).rejects.toThrow(SplitOverlapError);
    await expect(run).rejects.toThrow(/1 task id\(s\) appear in more than one split: "task-01" \(holdout, train\)/);
    expect((await corpus.runs()).length).toBe(0);
    await corpus.close();
  });

  it('refuses run tasks that contradict the environment, and a task listed twice', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const tasks = digitTasks(2);
    const relabelled = tasks.map((task) => ({ ...task, split: 'val' as const }));
    await expect(runBenchmark({ ...digitBenchmark(2), tasks: relabelled, corpus, arms })).rejects.toThrow(
      SplitOverlapError,
    );
    await expect(
      runBenchmark({ ...digitBenchmark(2), tasks: [...tasks, tasks[0] as (typeof tasks)[number]], corpus, arms }),
    ).rejects.toThrow(/task "task-00" is listed twice/);
    await corpus.close();
  });
});
