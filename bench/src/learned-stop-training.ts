import type { Corpus } from '@ratchet/corpus';
import { dslFamily, satFamily, simFamily } from '@ratchet/environments';
import { type FamilyInstance, refine, runBenchmark, type Task } from '@ratchet/runtime';

/** Attempts per cell of every arm, training and evaluation alike. */
export const stopK = 4;

/**
 * The training families, fixed before any measurement: seed 0 of each, train and val cells only (no
 * holdout cell is run), refine@4 with the family's default controller (which stops on a check pass),
 * every attempt judged (the oracle) so decision points have labels. Sim carries a planted steering effect
 * of +0.15 on steered attempts (the first attempt is unsteered): going on after a failed first attempt
 * sometimes pays there, after a failed second never (its attempts share one latent draw).
 */
export const trainingFamilies: ReadonlyArray<{
  readonly name: 'sim' | 'dsl' | 'sat';
  readonly options: string;
  create(threads: number): FamilyInstance;
  tasks(): Promise<Task[]>;
}> = [
  {
    name: 'sim',
    options: '{ count: 100, seed: 0, effects: { refine: 0.15 } }',
    create: () => simFamily.create({ count: 100, seed: 0, effects: { refine: 0.15 } }),
    tasks: async () => [
      ...(await simFamily.draw({ count: 100, seed: 0 }, 'train')),
      ...(await simFamily.draw({ count: 100, seed: 0 }, 'val')),
    ],
  },
  {
    name: 'dsl',
    options: '{ count: 170, seed: 0 }',
    create: (threads) => dslFamily.create({ count: 170, seed: 0 }, { threads }),
    tasks: async () => [
      ...(await dslFamily.draw({ count: 170, seed: 0 }, 'train')),
      ...(await dslFamily.draw({ count: 170, seed: 0 }, 'val')),
    ],
  },
  {
    name: 'sat',
    options: '{ count: 60, seed: 0 }',
    create: (threads) => satFamily.create({ count: 60, seed: 0 }, { threads }),
    tasks: async () => [
      ...(await satFamily.draw({ count: 60, seed: 0 }, 'train')),
      ...(await satFamily.draw({ count: 60, seed: 0 }, 'val')),
    ],
  },
];

/** Runs every training family into `corpus`, one run each (`train/<family>`), benchmark named after the family. */
export async function buildTrainingCorpus(
  corpus: Corpus,
  threads: number,
  onProgress: (message: string) => void,
): Promise<Array<{ family: string; cells: number; attempts: number; seconds: number }>> {
  const made: Array<{ family: string; cells: number; attempts: number; seconds: number }> = [];
  for (const family of trainingFamilies) {
    const instance = family.create(threads);
    const started = performance.now();
    try {
      const tasks = await family.tasks();
      const runId = `train/${family.name}`;
      await runBenchmark({
        ...instance,
        corpus,
        tasks,
        runId,
        benchmark: family.name,
        seed: `bench/learned-stop/train/${family.name}`,
        concurrency: 4,
        arms: [{ id: 'refine', ...refine(stopK, { controller: instance.controller('refine') }) }],
        primaryContrast: { name: 'training', baseline: 'refine', candidate: 'refine' },
        onProgress: ({ cellsDone, cellsTotal }) =>
          onProgress(`learned-stop: training ${family.name} ${cellsDone}/${cellsTotal} cells`),
      });
      const cells = await corpus.cells({ runId });
      made.push({
        family: family.name,
        cells: cells.length,
        attempts: cells.reduce((sum, cell) => sum + cell.attempts, 0),
        seconds: (performance.now() - started) / 1000,
      });
    } finally {
      await instance.close();
    }
  }
  return made;
}
