import { type CellRecord, type Corpus, openCorpus, type RunRecord } from '@ratchet/corpus';
import { buildCellRecord, buildManifest, buildRunRecord, buildVerdict } from '@ratchet/corpus/test';
import { dslController, dslMiner, satController } from '@ratchet/environments';
import { describe, expect, it } from 'vitest';
import { OptimizerError } from '../optimizer-error';
import { learnFromCorpus } from './learn-from-corpus';
import { controllerFromLibrary } from './record-library';

type Split = 'train' | 'val' | 'holdout';

function attempt(runId: string, taskId: string, split: Split, program: string, overrides: Partial<RunRecord> = {}) {
  return buildRunRecord({
    recordId: `${runId}/refine/${taskId}/r0/t0/a0`,
    runId,
    armId: 'refine',
    taskId,
    split,
    output: { inline: program },
    checks: [{ name: 'visible-examples', passed: true, score: 1 }],
    ...overrides,
  });
}

function cell(record: RunRecord): CellRecord {
  return buildCellRecord({
    cellId: `${record.runId}/refine/${record.taskId}/r0`,
    runId: record.runId,
    armId: 'refine',
    taskId: record.taskId,
    split: record.split,
    attemptIds: [record.recordId],
    finalAttemptId: record.recordId,
    finalOutput: record.output,
  });
}

const trainPrograms = [
  '(sum (map (+ 1) (sort xs)))',
  '(map (+ 1) (sort (filter odd (reverse xs))))',
  '(head (map (+ 1) (sort xs)))',
  '(filter odd (reverse (take 2 xs)))',
  '(max (filter odd (reverse xs)))',
  '(length (filter odd (reverse xs)))',
];
// A poison: an idiom only holdout cells hold, with every verdict saying it is right.
const holdoutPrograms = Array.from(
  { length: 6 },
  (_, i) => `(${['sum', 'max', 'min', 'head', 'last', 'length'][i]} (map (* 3) (drop 1 xs)))`,
);

async function poisonedCorpus(): Promise<Corpus> {
  const corpus = await openCorpus('sqlite::memory:');
  await corpus.putManifest(buildManifest({ runId: 'run-1', splits: ['train', 'val', 'holdout'] }));
  const records = [
    ...trainPrograms.map((program, i) => attempt('run-1', `train-${i}`, i < 4 ? 'train' : 'val', program)),
    ...holdoutPrograms.map((program, i) =>
      attempt('run-1', `holdout-${i}`, 'holdout', program, { verdict: buildVerdict(true) }),
    ),
    // A train attempt whose checks failed is not certified, whatever its verdict says.
    attempt('run-1', 'train-9', 'train', '(sum (map (* 3) (drop 1 xs)))', {
      checks: [{ name: 'visible-examples', passed: false, score: 0.5 }],
      verdict: buildVerdict(true),
    }),
  ];
  await corpus.append([...records, ...records.map(cell)]);
  // A later run puts two of those train tasks on the holdout split: their train copies are left out.
  await corpus.putManifest(
    buildManifest({ runId: 'run-2', startedAt: '2026-02-01T00:00:00.000Z', splits: ['holdout'] }),
  );
  const moved = [attempt('run-2', 'train-0', 'holdout', '(sum (map (+ 1) (sort xs)))')];
  await corpus.append([...moved, ...moved.map(cell)]);
  return corpus;
}

/** A corpus that fails the test if a holdout record is ever read, or a holdout cell's anything but its task id. */
function holdoutTripwire(corpus: Corpus): { corpus: Corpus; reads: string[] } {
  const reads: string[] = [];
  const guard = <T extends { split: Split }>(item: T): T =>
    item.split !== 'holdout'
      ? item
      : new Proxy(item, {
          get(target, key) {
            if (!['taskId', 'benchmark', 'split', 'then'].includes(String(key))) reads.push(`holdout ${String(key)}`);
            return Reflect.get(target, key);
          },
        });
  const wrapped = new Proxy(corpus, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof value !== 'function') return value;
      if (key === 'iterateRecords' || key === 'iterateCells') {
        return async function* (filter: { split?: Split } = {}) {
          if (key === 'iterateRecords' && filter.split !== 'train' && filter.split !== 'val') {
            reads.push(`iterateRecords without a train/val split: ${JSON.stringify(filter)}`);
          }
          for await (const item of value.call(target, filter)) yield guard(item);
        };
      }
      if (key === 'records' || key === 'cells' || key === 'pairs') {
        return (...args: unknown[]) => {
          reads.push(`${String(key)}(${JSON.stringify(args)})`);
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
  return { corpus: wrapped, reads };
}

describe('learnFromCorpus', () => {
  it('never reads a holdout record or a holdout verdict: the poisoned idiom is not learned', async () => {
    const { corpus, reads } = holdoutTripwire(await poisonedCorpus());
    const learned = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      settings: { minSupport: 2 },
    });
    expect(reads).toEqual([]);
    const programs = (learned.controller.parameters.library as { fragments: Array<{ program: string }> }).fragments.map(
      (f) => f.program,
    );
    expect(programs).toEqual(['(filter odd (reverse xs))', '(map (+ 1) (sort xs))']);
    expect(programs.join(' ')).not.toContain('(* 3)');
    expect(learned.source.skipped).toEqual({ uncertified: 1, afterCutoff: 0, holdoutTask: 1 });
    expect(learned.source.cellIds).toHaveLength(5);
    expect(learned.source.cellIds.some((id) => id.includes('holdout'))).toBe(false);
  });

  it('makes a controller with another hash, and the same library id for the same corpus and settings', async () => {
    const corpus = await poisonedCorpus();
    const now = () => new Date('2026-03-01T00:00:00.000Z');
    const a = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      settings: { minSupport: 2 },
      now,
    });
    const b = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      settings: { minSupport: 2 },
      now,
    });
    expect(a.controller.hash).not.toBe(dslController.hash);
    expect(b.libraryId).toBe(a.libraryId);
    expect(b.controller.hash).toBe(a.controller.hash);
    const stricter = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      settings: { minSupport: 3 },
    });
    expect(stricter.libraryId).not.toBe(a.libraryId);
  });

  it('saves the library in the corpus with the cells it came from, once, and loads it back as the same controller', async () => {
    const corpus = await poisonedCorpus();
    const first = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      settings: { minSupport: 2 },
    });
    const [record] = await corpus.libraries();
    expect(record?.recordId).toBe(first.libraryId);
    expect(record?.hash).toBe(first.controller.hash);
    expect(record?.source).toMatchObject({ runIds: ['run-1', 'run-2'], cells: 5, attempts: 5, tasks: 5 });
    const blob = await corpus.blob(record?.source.cellIds.sha256 ?? '');
    expect(JSON.parse(new TextDecoder().decode(blob?.data))).toEqual(first.source.cellIds);
    // Learned again later: the same library, found in the corpus, not written twice.
    const again = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      settings: { minSupport: 2 },
      now: () => new Date('2030-01-01T00:00:00.000Z'),
    });
    expect(again.createdAt).toBe(record?.createdAt);
    expect(await corpus.libraries()).toHaveLength(1);
    const loaded = controllerFromLibrary(record as NonNullable<typeof record>, dslController);
    expect(loaded.hash).toBe(first.controller.hash);
    expect(() => controllerFromLibrary(record as NonNullable<typeof record>, satController)).toThrow(
      /parameterises controller "dsl-default", not "sat-default"/,
    );
  });

  it('reads nothing recorded after the cut-off', async () => {
    const corpus = await poisonedCorpus();
    const learned = await learnFromCorpus(corpus, {
      miner: dslMiner,
      controller: dslController,
      until: '2025-12-31T00:00:00.000Z',
    });
    expect(learned.source.runIds).toEqual([]);
    // Nothing mined: the empty library is the base's, so the controller is the base.
    expect(learned.controller.hash).toBe(dslController.hash);
  });

  it('refuses invalid miner settings and a cut-off that is not a date, naming them', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await expect(
      learnFromCorpus(corpus, { miner: dslMiner, controller: dslController, settings: { minSupport: 0 } }),
    ).rejects.toThrow(/dsl-fragments settings — minSupport: /);
    await expect(
      learnFromCorpus(corpus, { miner: dslMiner, controller: dslController, until: 'last tuesday' }),
    ).rejects.toThrow(OptimizerError);
  });
});
