import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CellRecord, type Corpus, openCorpus, type RunRecord } from '@ratchet/corpus';
import { buildCellRecord, buildRunRecord, buildVerdict } from '@ratchet/corpus/test';
import { formatTable } from './format-table';

const batchSize = 1000;
const batchedRecords = 100_000;
const singleRecords = 3_000;
const tasks = 5_000;
const replicates = 25;
const attemptsPerCell = 4;
const arms = ['random', 'refine'] as const;

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

/** Appends `count` attempts `batch` at a time; records per second. */
export async function rate(corpus: Corpus, count: number, batch: number, runId: string): Promise<number> {
  const records = Array.from({ length: count }, (_, i) => attempt(runId, i));
  const started = performance.now();
  for (let start = 0; start < count; start += batch) await corpus.append(records.slice(start, start + batch));
  return count / ((performance.now() - started) / 1000);
}

/** 1,000,000 attempts behind 250,000 cells: 2 arms × 5,000 tasks × 25 replicates × 4 attempts. */
export async function fillForPairs(corpus: Corpus, onProgress: (done: number) => void): Promise<void> {
  let index = 0;
  for (const armId of arms) {
    for (let replicate = 0; replicate < replicates; replicate++) {
      const attempts: RunRecord[] = [];
      const cells: CellRecord[] = [];
      for (let task = 0; task < tasks; task++) {
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
      for (let start = 0; start < attempts.length; start += 5000)
        await corpus.append(attempts.slice(start, start + 5000));
      await corpus.append(cells);
      index += attempts.length;
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
    return [
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
