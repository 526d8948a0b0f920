import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CellRecord, type Corpus, openCorpus, type RunRecord } from '@ratchet/corpus';
import { buildCellRecord, buildRunRecord, buildVerdict } from '@ratchet/corpus/test';
import { collectGarbage } from './collect-garbage';
import { formatTable } from './format-table';
import { attemptRows, type RawTable, rawAppendRate } from './raw-sqlite-append';

const batchSize = 1000;
const batchedRecords = 100_000;
const singleRecords = 3_000;
const tasks = 5_000;
const replicates = 25;
const attemptsPerCell = 4;
const arms = ['random', 'refine'] as const;
const fillChunk = 5000;
const rawTables: Array<[RawTable, string]> = [
  ['store', 'raw: the same rows, store schema (3 indexes)'],
  ['no-secondary-indexes', 'raw: the same rows, primary key only'],
  ['id-and-body', 'raw: record id and body only'],
  ['ids-only', 'raw: key and filter columns, no body'],
];

/** An attempt record as a run writes it: ids clustered by run, interleaved across tasks. */
function attempt(runId: string, index: number): RunRecord {
  const task = index % tasks;
  const armId = arms[(index >> 1) % 2] as string;
  return buildRunRecord({
    recordId: `${runId}/${armId}/task-${task}/${index}`,
    runId,
    armId,
    taskId: `task-${task}`,
    attempt: index % attemptsPerCell,
    trace: {
      summary: `attempt ${index}: 12 tool calls, 2 failing visible tests, stalled at depth 3`,
      events: 40,
      blob: null,
    },
  });
}

/**
 * Appends `count` attempts `batch` at a time; records per second. Each batch is made just before its
 * append and only the appends are timed: holding every record at once costs hundreds of MB that the
 * process keeps long after.
 */
export async function rate(corpus: Corpus, count: number, batch: number, runId: string): Promise<number> {
  let elapsed = 0;
  for (let start = 0; start < count; start += batch) {
    const records = Array.from({ length: Math.min(batch, count - start) }, (_, i) => attempt(runId, start + i));
    const started = performance.now();
    await corpus.append(records);
    elapsed += performance.now() - started;
  }
  return count / (elapsed / 1000);
}

/** 1,000,000 attempts behind 250,000 cells: 2 arms × 5,000 tasks × 25 replicates × 4 attempts. */
export async function fillForPairs(corpus: Corpus, onProgress: (done: number) => void): Promise<void> {
  let index = 0;
  for (const armId of arms) {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const cells: CellRecord[] = [];
      // Attempts go in 5,000 at a time, each chunk made just before it is appended.
      for (let firstTask = 0; firstTask < tasks; firstTask += fillChunk / attemptsPerCell) {
        const attempts: RunRecord[] = [];
        for (let task = firstTask; task < firstTask + fillChunk / attemptsPerCell; task++) {
          const cellId = `pairs/${armId}/task-${task}/${replicate}`;
          const attemptIds = Array.from({ length: attemptsPerCell }, (_, a) => `${cellId}/${a}`);
          attemptIds.forEach((recordId, a) => {
            attempts.push(
              buildRunRecord({ recordId, runId: 'pairs', armId, taskId: `task-${task}`, replicate, attempt: a }),
            );
          });
          const solved = (task * 7 + replicate * 3 + (armId === 'refine' ? 2 : 0)) % 10 < 5;
          cells.push(
            buildCellRecord({
              cellId,
              runId: 'pairs',
              armId,
              taskId: `task-${task}`,
              replicate,
              attemptIds,
              verdict: buildVerdict(solved),
            }),
          );
        }
        await corpus.append(attempts);
        index += attempts.length;
      }
      await corpus.append(cells);
      // 50 collections of a small heap, about 1.5 s of the fill: without them it peaked near 0.5 GB.
      collectGarbage();
      onProgress(index);
    }
  }
}

export async function benchCorpus(onProgress: (message: string) => void): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-corpus-'));
  try {
    const corpus = await openCorpus(`sqlite:${join(dir, 'corpus.db')}`);
    const batched = await rate(corpus, batchedRecords, batchSize, 'batched');
    const single = await rate(corpus, singleRecords, 1, 'single');
    await corpus.close();
    // The same records' rows, inserted by node:sqlite alone into fresh files, in this run.
    const rows = (start: number, end: number) =>
      attemptRows(Array.from({ length: end - start }, (_, i) => attempt('batched', start + i)));
    const raw: Array<[RawTable, string, number]> = [];
    for (const [table, label] of rawTables) {
      raw.push([table, label, await rawAppendRate(dir, table, rows, batchedRecords, batchSize)]);
    }
    const rawStore = raw[0]?.[2] as number;
    collectGarbage(true);

    const big = await openCorpus(`sqlite:${join(dir, 'pairs.db')}`);
    const fillStarted = performance.now();
    await fillForPairs(big, (done) => onProgress(`corpus: ${done.toLocaleString('en')} / 1,000,000 attempts written`));
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    const query = { baseline: { runId: 'pairs', armId: 'random' }, candidate: { runId: 'pairs', armId: 'refine' } };
    const timed = async (metric: Parameters<Corpus['pairs']>[0]['metric']) => {
      const started = performance.now();
      const pairs = await big.pairs({ ...query, metric });
      return { ms: performance.now() - started, tasks: pairs.taskIds.length };
    };
    await timed('resolved');
    const resolved = await timed('resolved');
    const objective = await timed({ objective: 'correct' });
    const stats = await big.stats();
    await big.close();
    const megabytes = statSync(join(dir, 'pairs.db')).size / 2 ** 20;
    const versusRaw = (value: number) => (value / rawStore).toFixed(2);
    return [
      `Corpus append beside node:sqlite alone, in this run: ${batchedRecords.toLocaleString('en')} attempt records in transactions of ${batchSize.toLocaleString('en')}, store pragmas; raw rows are made outside the clock (SQLite's own cost):`,
      formatTable(
        ['inserting', 'records/s', 'vs raw, store schema', 'target'],
        [
          [
            'Ratchet append (validation, body, insert)',
            Math.round(batched).toLocaleString('en'),
            versusRaw(batched),
            '≥ 0.80',
          ],
          ...raw.map(([, label, value]) => [label, Math.round(value).toLocaleString('en'), versusRaw(value), '']),
        ],
      ),
      '',
      'Corpus (SQLite via node:sqlite, WAL, one file):',
      formatTable(
        ['measure', 'figure', 'target'],
        [
          [
            `append, batches of ${batchSize} (${batchedRecords.toLocaleString('en')} records)`,
            `${Math.round(batched).toLocaleString('en')} records/s`,
            '≥ 50,000 records/s',
          ],
          [
            `append, one record per call (${singleRecords.toLocaleString('en')} records)`,
            `${Math.round(single).toLocaleString('en')} records/s`,
            '',
          ],
          [
            `fill: ${stats.attempts.toLocaleString('en')} attempts + ${stats.cells.toLocaleString('en')} cells`,
            `${fillSeconds.toFixed(1)} s, ${megabytes.toFixed(0)} MiB`,
            '',
          ],
          [
            `pairs() on resolved, ${resolved.tasks.toLocaleString('en')} tasks`,
            `${resolved.ms.toFixed(0)} ms`,
            '< 2,000 ms',
          ],
          [`pairs() on a verdict objective (JSON)`, `${objective.ms.toFixed(0)} ms`, '< 2,000 ms'],
        ],
      ),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
