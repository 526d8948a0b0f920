import { type Corpus, openCorpus } from '@ratchet/corpus';
import { InvalidControllerError, random, refine, runBenchmark } from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dslController, dslControllerParameters } from './dsl-controller';
import { dslFamily } from './dsl-family';
import { DslOptionsError } from './dsl-options-error';
import { dslTasks } from './dsl-tasks';
import { makeAttemptInput } from './make-attempt-input';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

describe('dslFamily', () => {
  it('reads its options as a config writes them, with defaults and messages that say what to write', () => {
    expect(dslFamily.options.parse({})).toEqual({ count: 100, seed: 0 });
    expect(dslFamily.options.parse({ count: 5, seed: 'g2', budget: 4000 })).toEqual({
      count: 5,
      seed: 'g2',
      budget: 4000,
    });
    const refused = dslFamily.options.safeParse({ count: 0, seed: 1.5, budget: 0, colour: 'red' });
    expect(refused.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'count: must be at least 1 (tasks over all splits)',
      'seed: must be a whole number or a non-empty string',
      'budget: must be at least 1 search step',
      ': Unrecognized key: "colour"',
    ]);
    expect(dslFamily.options.shape.budget.description).toBe(
      'Search steps per attempt of the built-in synthesizer (default 20000).',
    );
    expect(() => dslFamily.create({ count: -1 })).toThrow(DslOptionsError);
  });

  it('draws the tasks dslTasks makes for the seed: count over all splits, 3 train : 1 val : 1 holdout', async () => {
    expect(await dslFamily.draw({ count: 10, seed: 3 })).toEqual(dslTasks({ count: 10, seed: 3 }));
    expect((await dslFamily.draw({ count: 10, seed: 3 }, 'val')).map((task) => task.id)).toEqual([
      'dsl-3-0003',
      'dsl-3-0008',
    ]);
  });

  it('runs end to end through runBenchmark with random(2) and refine(2), steering the worker', async () => {
    const dsl = dslFamily.create({ count: 5, seed: 0, budget: 4_000 });
    const summary = await runBenchmark({
      ...dsl,
      corpus,
      arms: [
        { id: 'random', ...random(2, { controller: dsl.controller('random') }) },
        { id: 'refine', ...refine(2, { controller: dsl.controller('refine') }) },
      ],
      seed: 1,
      backoffMs: 1,
    });
    await dsl.close();
    expect(summary.status).toBe('completed');
    expect(summary.arms.map((arm) => [arm.armId, arm.cells, arm.infraCells])).toEqual([
      ['random', 3, 0],
      ['refine', 3, 0],
    ]);
    const records = await corpus.records({ runId: summary.runId });
    const steered = records.filter((record) => record.armId === 'refine' && record.steer !== null);
    // Refine continues from the checkpoint with the controller's parameters whenever a task is unsolved.
    expect(steered.length).toBeGreaterThan(0);
    expect(
      steered.every((record) => record.checkpoint !== null && typeof record.steer?.parameters?.maxDepth === 'number'),
    ).toBe(true);
    expect(records.every((record) => record.verdict === null || 'hiddenPassRate' in record.verdict.scores)).toBe(true);
  });

  it('runs its solver in worker threads when asked, with the same outputs, and releases them on close', async () => {
    const [task] = await dslFamily.draw({ count: 5, seed: 0 }, 'train');
    if (!task) throw new Error('no task');
    const signal = new AbortController().signal;
    const threaded = dslFamily.create({ count: 5, budget: 1_500 }, { threads: 2 });
    const local = dslFamily.create({ count: 5, budget: 1_500 });
    const input = makeAttemptInput(task, { seed: 'threads' });
    expect(await threaded.worker.attempt(input, signal)).toEqual(await local.worker.attempt(input, signal));
    await threaded.close();
    await expect(threaded.worker.attempt(input, signal)).rejects.toThrow(/the pool is closed/);
    expect(() => dslFamily.create({ count: 5 }, { threads: -1 })).toThrow(/threads must be a whole number ≥ 0/);
  });

  it('gives every arm the default controller, or its parameters over the defaults, validated', () => {
    const dsl = dslFamily.create({ count: 5 });
    expect(dsl.controller('refine').hash).toBe(dslController.hash);
    const deeper = dsl.controller('refine', { depthIncrement: 2 });
    expect(deeper.parameters).toEqual({ ...dslControllerParameters, depthIncrement: 2 });
    expect(() => dsl.controller('refine', { depthIncrement: 9 })).toThrow(InvalidControllerError);
    expect(dslFamily.controllerSpace.defaults).toBe(dslControllerParameters);
  });
});
