import { type Corpus, openCorpus } from '@ratchet/corpus';
import { blind, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDslController, dslController, dslControllerParameters } from './dsl-controller';
import { dslEnvironment } from './dsl-environment';
import { dslJudge } from './dsl-judge';
import { dslTask } from './dsl-tasks';
import { dslWorker } from './dsl-worker';
import { makeAttemptInput } from './make-attempt-input';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

const learned = createDslController({ ...dslControllerParameters, initialMaxDepth: 2, initialPriors: { sum: 5 } });

describe('the dsl controller’s initial steer', () => {
  it('reaches attempt 0 through the harness, and only when its parameters set one', async () => {
    const run = (controller = dslController) =>
      runBenchmark({
        environment: dslEnvironment({ count: 3, seed: 0 }),
        worker: dslWorker({ budget: 200 }),
        judge: dslJudge(),
        corpus,
        arms: [{ id: 'blind', ...blind({ controller }) }],
        primaryContrast: { name: 'none', baseline: 'blind', candidate: 'blind' },
        backoffMs: 1,
      });
    const steersOf = async (runId: string) => (await corpus.records({ runId })).map((record) => record.steer);
    expect(await steersOf((await run()).runId)).toEqual([null, null, null]);
    const steers = await steersOf((await run(learned)).runId);
    expect(steers.map((steer) => steer?.parameters)).toEqual(
      [1, 2, 3].map(() => ({ maxDepth: 2, priors: { sum: 5 } })),
    );
  });

  it('is used by the worker: the attempt searches within the initial depth, with the initial priors', async () => {
    const task = dslTask(0, 5);
    const steer = learned.initial({ id: task.id, split: task.split, input: task.input });
    const result = await dslWorker({ budget: 300 }).attempt(
      makeAttemptInput(task, { steer }),
      new AbortController().signal,
    );
    expect(result.events[0]?.data).toMatchObject({ parameters: { maxDepth: 2, priors: { sum: 5 } } });
    expect(result.events.find((event) => event.type === 'output')?.data).toMatchObject({ maxDepth: 2 });
  });
});
