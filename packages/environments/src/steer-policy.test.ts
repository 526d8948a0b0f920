import { type Corpus, type JsonValue, openCorpus } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import {
  type Controller,
  defineController,
  type Environment,
  InvalidSteerError,
  random,
  refine,
  runBenchmark,
  type Worker,
} from '@ratchet/runtime';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dslEnvironment } from './dsl/dsl-environment';
import { dslJudge } from './dsl/dsl-judge';
import { dslWorker } from './dsl/dsl-worker';
import { satEnvironment } from './sat/sat-environment';
import { satJudge } from './sat/sat-judge';
import { satWorker } from './sat/sat-worker';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

/** A controller whose every steer sends these parameters. */
function sending(parameters: Record<string, JsonValue>): Controller {
  return defineController({
    id: 'sends-fixed-parameters',
    schema: z.strictObject({}),
    parameters: {},
    steer: () => ({ text: 'try again', parameters }),
  });
}

const families: Record<'dsl' | 'sat', () => { environment: Environment; worker: Worker; judge: Judge }> = {
  dsl: () => ({
    environment: dslEnvironment({ count: 5, seed: 0 }),
    worker: dslWorker({ budget: 300 }),
    judge: dslJudge(),
  }),
  sat: () => ({
    environment: satEnvironment({ count: 2, seed: 0 }),
    worker: satWorker({ flips: 20 }),
    judge: satJudge(),
  }),
};

function run(family: 'dsl' | 'sat', controller?: Controller) {
  return runBenchmark({
    ...families[family](),
    corpus,
    arms: [
      { id: 'random', ...random(2) },
      { id: 'refine', ...refine(2, controller ? { controller } : {}) },
    ],
    backoffMs: 1,
    oracle: false,
  });
}

describe('one steer policy for dsl and sat', () => {
  it.each([
    ['dsl', { maxDepth: 99 }, 'maxDepth'],
    ['sat', { noise: 2 }, 'noise'],
  ] as const)(
    '%s: a known steer parameter with an invalid value fails the run, naming it',
    async (family, parameters, field) => {
      const failure = await run(family, sending(parameters)).then(
        () => null,
        (error: unknown) => error,
      );
      expect(InvalidSteerError.isInstance(failure)).toBe(true);
      expect((failure as InvalidSteerError).issues.map((issue) => issue.field)).toEqual([field]);
      expect((failure as Error).message).toContain(`steer.parameters.${field}: `);
    },
  );

  it.each(['dsl', 'sat'] as const)('%s: another controller’s key ({ findings }) is ignored', async (family) => {
    const summary = await run(family);
    expect(summary.status).toBe('completed');
    const records = await corpus.records({ runId: summary.runId });
    const steered = records.filter((record) => record.steer !== null);
    expect(steered.length).toBeGreaterThan(0);
    expect(steered.every((record) => typeof record.steer?.parameters?.findings === 'number')).toBe(true);
    expect(records.every((record) => record.failure === null)).toBe(true);
  });
});
