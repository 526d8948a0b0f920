import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { MockJudge } from '@ratchet/judges/test';
import { random, runBenchmark, type Task } from '@ratchet/runtime';
import { scriptedEnvironment, scriptedWorker } from '@ratchet/runtime/test';
import { formatTable } from './format-table';

const tasks = 2_000;
const k = 5;
const concurrency = 8;

/**
 * The runtime's own cost per attempt: a worker that answers at once, a check, a judge, every attempt
 * and cell recorded in a SQLite corpus on disk, concurrency 8.
 */
export async function benchHarness(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-harness-'));
  try {
    const corpus = await openCorpus(`sqlite:${join(dir, 'corpus.db')}`);
    const taskList: Task[] = Array.from({ length: tasks }, (_, i) => ({
      id: `task-${i}`,
      split: 'train',
      input: i,
      expected: i,
    }));
    const environment = scriptedEnvironment(taskList, (_task, output) => [
      { name: 'answered', passed: output !== null, score: null },
    ]);
    const worker = scriptedWorker((input) => ({
      output: input.task.input as number,
      events: [],
      usage: unmeasuredUsage,
    }));
    const judge = new MockJudge({ judgments: { resolved: true } });
    const started = performance.now();
    const summary = await runBenchmark({
      environment,
      worker,
      judge,
      corpus,
      arms: [{ id: 'random', ...random(k) }],
      primaryContrast: { name: 'none', baseline: 'random', candidate: 'random' },
      concurrency,
    });
    const seconds = (performance.now() - started) / 1000;
    const attempts = summary.arms[0]?.attempts ?? 0;
    await corpus.close();
    return [
      `Harness overhead (runBenchmark, instant worker, SQLite corpus on disk, concurrency ${concurrency}, oracle judging on):`,
      formatTable(
        ['measure', 'figure', 'target'],
        [
          [
            `${attempts.toLocaleString('en')} attempts in ${tasks.toLocaleString('en')} cells of random@${k}`,
            `${seconds.toFixed(2)} s`,
            '',
          ],
          ['attempts per second', Math.round(attempts / seconds).toLocaleString('en'), '≥ 5,000'],
        ],
      ),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
