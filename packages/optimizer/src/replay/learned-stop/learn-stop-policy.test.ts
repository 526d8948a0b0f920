import { type Corpus, openCorpus } from '@ratchet/corpus';
import { dslFamily, simFamily } from '@ratchet/environments';
import { refine, runBenchmark, type Task } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { OptimizerError } from '../../optimizer-error';
import { replayStop } from '../replay-stop';
import { withStopPolicy } from '../stop-policy';
import { learnStopPolicy } from './learn-stop-policy';
import { continueProbability, learnedStopPolicy, parseLearnedStop } from './learned-stop-model';
import { stopFeatures } from './stop-features';

/**
 * Sim with a planted steering effect: the unsteered first attempt succeeds at the task's base rate,
 * every steered attempt at base + `effect`, all on the cell's one latent draw. So going on after a
 * failed first attempt sometimes pays, and after a failed second attempt never does.
 */
async function logSim(corpus: Corpus, options: { runId: string; tasks: readonly Task[]; effect: number }) {
  const sim = simFamily.create({ count: 40, seed: 5, effects: { x: options.effect } });
  await runBenchmark({
    ...sim,
    corpus,
    tasks: options.tasks,
    runId: options.runId,
    benchmark: 'sim',
    seed: 1,
    arms: [{ id: 'refine', ...refine(4, { controller: sim.controller('x') }) }],
    primaryContrast: { name: 'x', baseline: 'refine', candidate: 'refine' },
  });
}

const simTasks = (split?: 'train' | 'val' | 'holdout') => simFamily.draw({ count: 40, seed: 5 }, split);

/** Wraps a corpus so that handing out any holdout cell or record fails the test. */
function holdoutTripwire(corpus: Corpus): Corpus {
  const guard = <T extends { split: string }>(items: T[]): T[] => {
    const leaked = items.find((item) => item.split === 'holdout');
    if (leaked) throw new Error(`the learner was handed a holdout ${'cellId' in leaked ? 'cell' : 'record'}`);
    return items;
  };
  const overrides: Partial<Corpus> = {
    cells: async (filter) => guard(await corpus.cells(filter)),
    records: async (filter) => guard(await corpus.records(filter)),
    iterateCells: () => {
      throw new Error('the learner streamed cells without a split filter');
    },
    iterateRecords: () => {
      throw new Error('the learner streamed records without a split filter');
    },
  };
  return new Proxy(corpus, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property as keyof Corpus];
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('learnStopPolicy', () => {
  it('never reads a holdout cell: poisoned holdout cells change nothing', async () => {
    const [train, val, holdout] = await Promise.all([simTasks('train'), simTasks('val'), simTasks('holdout')]);
    const clean = await openCorpus('sqlite::memory:');
    await logSim(clean, { runId: 'logged', tasks: [...train, ...val], effect: 0.3 });
    const poisoned = await openCorpus('sqlite::memory:');
    await logSim(poisoned, { runId: 'logged', tasks: [...train, ...val, ...holdout], effect: 0.3 });
    // Poison: a run of holdout cells only where every steered attempt succeeds, so going on always pays.
    await logSim(poisoned, { runId: 'poison', tasks: holdout, effect: 1 });
    expect((await poisoned.cells({ runId: 'poison' })).length).toBe(40);

    const fromClean = await learnStopPolicy(clean, { cost: 0.1 });
    const fromPoisoned = await learnStopPolicy(holdoutTripwire(poisoned), { cost: 0.1 });
    expect(fromPoisoned.model).toEqual(fromClean.model);
    expect(fromPoisoned.model.provenance.runs.map((run) => run.cellIds.length)).toEqual([80]);
    // The tripwire has teeth: a read without the split filter would have tripped it.
    await expect(holdoutTripwire(poisoned).cells({ runId: 'poison' })).rejects.toThrow(/handed a holdout cell/);
  });

  it('learns from the history that going on pays after one failed attempt and not after two', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await logSim(corpus, { runId: 'logged', tasks: await simTasks(), effect: 0.3 });
    const { model } = await learnStopPolicy(corpus, { cost: 0.1, benchmarks: ['sim'] });
    const failed = { index: 0, steer: null, from: null, output: null, failure: null };
    const usage = { turns: 1, tokensIn: null, tokensOut: null, usd: null, wallMs: null, workUnits: null } as const;
    const attempt = (index: number) => ({
      ...failed,
      index,
      checks: [{ name: 'simulated-check', passed: false, score: null }],
      usage: { ...usage, costProvenance: 'unknown' as const },
    });
    const afterOne = continueProbability(model, stopFeatures([attempt(0)]));
    const afterTwo = continueProbability(model, stopFeatures([attempt(0), attempt(1)]));
    expect(afterOne).toBeGreaterThan(afterTwo + 0.1);
    expect(model.provenance.benchmarks[0]).toMatchObject({ benchmark: 'sim', spendUnit: 'attempts', unjudged: 0 });
    expect(model.provenance.benchmarks[0]?.positives).toBeGreaterThan(0);
  });

  it('keeps going when spend is free and stops after one attempt when it is dear', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await logSim(corpus, { runId: 'logged', tasks: await simTasks(), effect: 0.3 });
    const free = await learnStopPolicy(corpus, { cost: 0 });
    expect(free.model.threshold).toBe(0);
    const dear = await learnStopPolicy(corpus, { cost: 10 });
    expect(dear.model.threshold).toBe(1);
    expect(dear.model.training.spend).toBe(1);
    expect(free.model.training.success).toBeGreaterThan(dear.model.training.success);
    await expect(learnStopPolicy(corpus, { cost: -1 })).rejects.toThrow(OptimizerError);
  });

  it('round-trips through JSON: the reloaded policy is the same policy', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await logSim(corpus, { runId: 'logged', tasks: await simTasks(), effect: 0.3 });
    const learned = await learnStopPolicy(corpus, { cost: 0.1 });
    const reloaded = learnedStopPolicy(parseLearnedStop(JSON.parse(JSON.stringify(learned.model))));
    expect(reloaded.id).toBe(learned.policy.id);
    const original = await replayStop(corpus, { runId: 'logged', armId: 'refine', policy: learned.policy });
    const again = await replayStop(corpus, { runId: 'logged', armId: 'refine', policy: reloaded });
    expect(again.cells).toEqual(original.cells);
    expect(() => parseLearnedStop({ ...learned.model, weights: { gapLeft: 1 } })).toThrow(/weights\.passFraction/);
  });

  it('replayed on a logged dsl run, gives what a live run of it gives, cell by cell', async () => {
    // Learned on sim alone, run on dsl: the cross-family use.
    const simCorpus = await openCorpus('sqlite::memory:');
    await logSim(simCorpus, { runId: 'logged', tasks: await simTasks(), effect: 0.3 });
    const { policy } = await learnStopPolicy(simCorpus, { cost: 0.1 });

    const options = { count: 10, seed: 0, budget: 1500 };
    const dsl = dslFamily.create(options);
    const tasks = await dslFamily.draw(options, 'train');
    const corpus = await openCorpus('sqlite::memory:');
    const base = dsl.controller('arm');
    const run = (runId: string, controller: typeof base) =>
      runBenchmark({
        ...dsl,
        corpus,
        tasks,
        runId,
        seed: 3,
        arms: [{ id: 'arm', ...refine(4, { controller }) }],
        primaryContrast: { name: 'x', baseline: 'arm', candidate: 'arm' },
      });
    await run('logged', base);
    await run('live', withStopPolicy(base, policy));
    await dsl.close();
    const live = new Map(
      (await corpus.cells({ runId: 'live' })).map((cell) => [
        cell.taskId,
        { attempts: cell.attempts, resolved: cell.verdict?.resolved ?? null },
      ]),
    );
    const replay = await replayStop(corpus, { runId: 'logged', armId: 'arm', policy });
    expect(replay.censored).toBe(0);
    for (const cell of replay.cells) {
      expect({ attempts: cell.attempts, resolved: cell.resolved }).toEqual(live.get(cell.taskId));
    }
    // The learned part acted: some live cells ended before k with their last attempt's checks failing.
    const records = await corpus.records({ runId: 'live' });
    const stoppedByModel = (await corpus.cells({ runId: 'live' })).filter((cell) => {
      const last = records.find((record) => record.recordId === cell.attemptIds.at(-1));
      return cell.attempts < 4 && last?.checks.some((check) => check.passed !== true);
    });
    expect(stoppedByModel.length).toBeGreaterThan(0);
  });
});
