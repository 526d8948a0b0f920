import { PassThrough } from 'node:stream';
import { openCorpus } from '@ratchet/corpus';
import { random, runBenchmark } from '@ratchet/runtime';
import { scriptedEnvironment } from '@ratchet/runtime/test';
import { describe, expect, it } from 'vitest';
import { dialController, dialFamily } from '../test/dial-family';
import { exportTrainingData } from './export-training-data';
import { datasheetSchema, preferenceExampleSchema, sftExampleSchema } from './training-example';
import { trainingExamples } from './training-examples';

const controller = dialController.withParameters({ dial: 4, note: 'begin' });
const arms = [{ id: 'random', ...random(2, { controller }) }];

/** A corpus with train and val cells, holdout cells, and one train task that another run used as holdout. */
async function corpusWithHoldout() {
  const corpus = await openCorpus('sqlite::memory:');
  const dial = dialFamily({ perSplit: 6 });
  await runBenchmark({
    ...dial.family,
    corpus,
    benchmark: 'dial',
    tasks: [...dial.train, ...dial.val],
    arms,
    primaryContrast: { name: 'x', baseline: 'random', candidate: 'random' },
    runId: 'search',
    seed: 1,
  });
  await runBenchmark({
    ...dial.family,
    corpus,
    benchmark: 'dial',
    tasks: dial.holdout,
    arms,
    primaryContrast: { name: 'x', baseline: 'random', candidate: 'random' },
    runId: 'gate',
    seed: 1,
  });
  // A later draw reused a train task's id on its holdout split: that task must not be exported at all.
  const reused = { ...(dial.train[0] as (typeof dial.train)[number]), split: 'holdout' as const };
  await runBenchmark({
    ...dial.family,
    environment: scriptedEnvironment([reused]),
    corpus,
    benchmark: 'dial',
    tasks: [reused],
    arms,
    primaryContrast: { name: 'x', baseline: 'random', candidate: 'random' },
    runId: 'other-draw',
    seed: 1,
  });
  return { corpus, dial };
}

describe('training data from the corpus', () => {
  it('exports every resolved train and val attempt for SFT, and no holdout task, with a datasheet that adds up', async () => {
    const { corpus, dial } = await corpusWithHoldout();
    const inputs = new Map(dial.tasks.map((task) => [task.id, task.input as { index: number }]));
    const { rows, datasheet } = await trainingExamples(corpus, {
      format: 'sft',
      inputs,
      now: () => new Date('2026-12-01T00:00:00Z'),
    });
    const records = await corpus.records();
    const resolvedSearch = records.filter(
      (r) => r.runId === 'search' && r.taskId !== 'dial-train-0' && r.verdict?.resolved,
    );
    expect(rows.map((row) => row.kind === 'sft' && row.attempt.recordId).sort()).toEqual(
      resolvedSearch.map((r) => r.recordId).sort(),
    );
    for (const row of rows) {
      expect(sftExampleSchema.parse(row)).toEqual(row);
      expect(row.split).not.toBe('holdout');
      expect(row.taskId).not.toBe('dial-train-0');
      expect(row.input).toEqual(inputs.get(row.taskId));
    }
    expect(datasheetSchema.parse(datasheet)).toEqual(datasheet);
    // 12 search cells × 2 attempts, 6 gate cells × 2, 1 other-draw cell × 2.
    expect(datasheet.counts).toMatchObject({
      rows: resolvedSearch.length,
      attemptsRead: 38,
      excluded: { holdout: 14, holdoutTask: 2, unjudged: 0 },
    });
    expect(datasheet.counts.resolved + datasheet.counts.unresolved).toBe(22);
    expect(datasheet.inputs).toBe('included');
    expect(datasheet.sources.find((source) => source.runId === 'gate')?.rows).toBe(0);
  });

  it('pairs a resolved and an unresolved attempt at the same task for preference data, at most N per task', async () => {
    const { corpus } = await corpusWithHoldout();
    const { rows, datasheet } = await trainingExamples(corpus, { format: 'preference', maxPairsPerTask: 1 });
    const verdicts = new Map((await corpus.records()).map((record) => [record.recordId, record.verdict?.resolved]));
    expect(rows.length).toBeGreaterThan(0);
    const perTask = new Map<string, number>();
    for (const row of rows) {
      if (row.kind !== 'preference') throw new Error('expected preference rows');
      expect(preferenceExampleSchema.parse(row)).toEqual(row);
      expect(verdicts.get(row.chosen.recordId)).toBe(true);
      expect(verdicts.get(row.rejected.recordId)).toBe(false);
      perTask.set(row.taskId, (perTask.get(row.taskId) ?? 0) + 1);
    }
    expect(Math.max(...perTask.values())).toBe(1);
    expect(datasheet).toMatchObject({ format: 'preference', inputs: 'not included', filters: { maxPairsPerTask: 1 } });
  });

  it('writes one parseable JSON row per line', async () => {
    const { corpus } = await corpusWithHoldout();
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const datasheet = await exportTrainingData(corpus, output, { format: 'sft', benchmark: 'dial' });
    output.end();
    const lines = chunks.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(datasheet.counts.rows);
    for (const line of lines) expect(sftExampleSchema.safeParse(JSON.parse(line)).success).toBe(true);
  });

  it('refuses a pair cap that is not a positive whole number', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await expect(trainingExamples(corpus, { format: 'preference', maxPairsPerTask: 0 })).rejects.toThrow(
      'maxPairsPerTask',
    );
  });
});
