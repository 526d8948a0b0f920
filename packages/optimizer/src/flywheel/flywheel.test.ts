import { type Corpus, openCorpus } from '@ratchet/corpus';
import { buildManifest, buildRunRecord } from '@ratchet/corpus/test';
import { dslFamily } from '@ratchet/environments';
import { type Family, refine } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { OptimizerError } from '../optimizer-error';
import { flywheel } from './flywheel';
import { FlywheelInterruptedError } from './flywheel-interrupted-error';
import type { FlywheelOptions } from './flywheel-options';

/** A small flywheel: dsl domain 1, 1500 steps an attempt, refine@2, 8 evaluation tasks a generation, 3 generations. */
function settings(corpus: Corpus, overrides: Partial<FlywheelOptions> = {}): FlywheelOptions {
  return {
    corpus,
    family: dslFamily as unknown as Family,
    options: { domain: 1, budget: 1500 },
    generations: 2,
    evaluationTasks: 8,
    plan: (controller) => refine(2, { controller }),
    learnerSettings: { minSupport: 2 },
    seed: 7,
    concurrency: 2,
    resamples: 999,
    ...overrides,
  };
}

/** The dsl family with its worker's attempts counted. */
function counted(): { family: Family; attempts: () => number } {
  let attempts = 0;
  const family = {
    ...dslFamily,
    create(options: unknown, context?: { threads?: number }) {
      const instance = dslFamily.create(options as never, context);
      const worker = instance.worker;
      return {
        ...instance,
        worker: {
          ...worker,
          attempt: (input: never, signal: AbortSignal) => {
            attempts++;
            return worker.attempt(input, signal);
          },
        },
      };
    },
  } as unknown as Family;
  return { family, attempts: () => attempts };
}

describe('flywheel', () => {
  it('keeps the frozen arm the baseline, learns each generation from the earlier ones only, and reads later records never', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const result = await flywheel(settings(corpus));
    expect(result.generations.map((g) => g.generation)).toEqual([0, 1, 2]);
    // The frozen arm never changes; generation 0's learned arm is the baseline too.
    expect(new Set(result.generations.map((g) => g.frozen.hash))).toEqual(new Set([result.baseline]));
    expect(result.generations[0]?.learned.hash).toBe(result.baseline);
    expect(result.generations[0]?.libraryId).toBeNull();
    expect(result.generations[1]?.learned.hash).not.toBe(result.baseline);
    for (const g of result.generations) {
      expect(g.evaluationTasks).toBe(8);
      expect(g.outcomes).toHaveLength(8);
      // Evaluation tasks are never train tasks of their draw.
      expect(g.outcomes.every((o) => !o.taskId.includes('train'))).toBe(true);
    }
    // Every generation's decision and the verdict are records too.
    const decisions = await corpus.flywheelRecords({ flywheelId: result.flywheelId });
    expect(decisions.map((d) => d.generation)).toEqual([0, 1, 2, null]);
    expect((decisions[3]?.decision as { sentence?: string } | undefined)?.sentence).toBe(result.sentence);
    const sources = (await corpus.libraries()).map((l) => l.source.runIds).sort((a, b) => a.length - b.length);
    expect(sources).toEqual([[`${result.flywheelId}-g0`], [`${result.flywheelId}-g0`, `${result.flywheelId}-g1`]]);

    // Poison: a later generation's run full of certified programs of an idiom no task has. Re-running the
    // same flywheel resumes every generation from the corpus and learns exactly what it learned before.
    await corpus.putManifest(buildManifest({ runId: `${result.flywheelId}-g9`, splits: ['train'] }));
    const poison = Array.from({ length: 6 }, (_, i) =>
      buildRunRecord({
        recordId: `${result.flywheelId}-g9/learned/p${i}/r0/t0/a0`,
        runId: `${result.flywheelId}-g9`,
        taskId: `p${i}`,
        output: { inline: `(sum (map (* 5) (drop 2 (map (- 1) xs))))` },
      }),
    );
    await corpus.append(poison);
    const again = await flywheel(settings(corpus));
    expect(again.generations.map((g) => g.learned.hash)).toEqual(result.generations.map((g) => g.learned.hash));
    expect(again.generations.map((g) => g.outcomes)).toEqual(result.generations.map((g) => g.outcomes));
    expect(again.slope).toEqual(result.slope);
    expect(await corpus.flywheelRecords({ flywheelId: result.flywheelId })).toEqual(decisions);
  }, 120_000);

  it('resumes after a kill mid-generation: finished cells are not run again and the result is the uninterrupted one', async () => {
    const referenceCorpus = await openCorpus('sqlite::memory:');
    const reference = await flywheel(settings(referenceCorpus, { generations: 1 }));
    let referenceAttempts = 0;
    for (const g of reference.generations)
      referenceAttempts += (await referenceCorpus.records({ runId: g.runId })).length;

    const corpus = await openCorpus('sqlite::memory:');
    const { family, attempts } = counted();
    const stop = new AbortController();
    const killed = flywheel(
      settings(corpus, {
        family,
        generations: 1,
        signal: stop.signal,
        onProgress: (p) => {
          if (p.generation === 1 && p.phase === 'run' && (p.cellsDone ?? 0) >= 10) stop.abort();
        },
      }),
    );
    await expect(killed).rejects.toThrow(FlywheelInterruptedError);
    const beforeResume = attempts();
    const resumed = await flywheel(settings(corpus, { family, generations: 1 }));
    expect(resumed.flywheelId).toBe(reference.flywheelId);
    expect(resumed.generations.map((g) => g.outcomes)).toEqual(reference.generations.map((g) => g.outcomes));
    for (const g of resumed.generations) {
      const cells = await corpus.cells({ runId: g.runId });
      expect(new Set(cells.map((c) => c.cellId)).size).toBe(cells.length);
      expect(cells).toHaveLength(2 * (g.trainTasks + g.evaluationTasks));
    }
    // The resumed call ran only what was left; in all, at most the cells in flight at the kill ran twice.
    expect(attempts() - beforeResume).toBeLessThan(referenceAttempts - 10);
    expect(attempts()).toBeLessThanOrEqual(referenceAttempts + 2 * 2);
  }, 120_000);

  it('refuses a plan that gives the arms different compute, and a family with nothing to mine', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const unfair = settings(corpus, {
      generations: 1,
      plan: (controller) =>
        refine(
          controller.parameters.library &&
            (controller.parameters.library as { fragments: unknown[] }).fragments.length > 0
            ? 3
            : 2,
          { controller },
        ),
    });
    await expect(flywheel(unfair)).rejects.toThrow(/different compute at generation 1/);
    const noMiner = { ...dslFamily, miner: undefined } as unknown as Family;
    await expect(flywheel(settings(corpus, { family: noMiner }))).rejects.toThrow(OptimizerError);
  }, 120_000);
});
