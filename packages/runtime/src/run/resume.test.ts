import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCorpus } from '@ratchet/corpus';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { digitBenchmark } from '../fixtures/digits-benchmark';
import { random, refine } from '../strategies/built-in-strategies';
import { runBenchmark } from './run-benchmark';

const packageDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const script = join(packageDir, 'src', 'fixtures', 'resumable-run.ts');

describe('kill and resume', () => {
  it('loses no cell and repeats none after the run is SIGKILLed mid-way', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ratchet-resume-')), 'corpus.db');
    const child = execa(
      process.execPath,
      ['--import', 'tsx', '--conditions=@ratchet/source', script, path, 'resumable', '15'],
      {
        cwd: packageDir,
        reject: false,
        buffer: { stdout: false },
      },
    );
    let finished = 0;
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        finished += chunk
          .toString()
          .split('\n')
          .filter((line) => line.startsWith('cell ')).length;
        if (finished >= 5) resolve();
      });
    });
    child.kill('SIGKILL');
    expect((await child).signal).toBe('SIGKILL');

    const corpus = await openCorpus(`sqlite:${path}`);
    // A SIGKILLed process says nothing: the run is still marked running, with no stop reason.
    expect(await corpus.manifest('resumable')).toMatchObject({ status: 'running', stopReason: null, plannedCells: 24 });
    const before = await corpus.cells({ runId: 'resumable' });
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(24);
    const attemptsBefore = await corpus.records({ runId: 'resumable' });

    const bench = digitBenchmark(12);
    const summary = await runBenchmark({
      ...bench,
      corpus,
      runId: 'resumable',
      seed: 3,
      concurrency: 2,
      arms: [
        { id: 'random', ...random(3) },
        { id: 'refine', ...refine(3) },
      ],
    });
    const after = await corpus.cells({ runId: 'resumable' });
    expect(after).toHaveLength(24);
    expect(new Set(after.map((cell) => cell.cellId)).size).toBe(24);
    // Finished cells were not touched, and no attempt of theirs was made again.
    for (const cell of before) expect(after.find((c) => c.cellId === cell.cellId)).toEqual(cell);
    const finishedCells = new Set(before.map((cell) => `${cell.armId}/${cell.taskId}/${cell.replicate}`));
    for (const call of bench.worker.calls) {
      const [, arm, task, replicate] = call.seed.split('/');
      expect(finishedCells.has(`${arm}/${task}/${replicate}`)).toBe(false);
    }
    // Every attempt recorded before the kill is still there; cut-off cells were redone under a new try.
    const ids = new Set((await corpus.records({ runId: 'resumable' })).map((record) => record.recordId));
    for (const record of attemptsBefore) expect(ids.has(record.recordId)).toBe(true);
    // Redone cells say their try as a field; earlier tries' attempts belong to lower tries.
    const cut = after.filter((cell) => !before.some((b) => b.cellId === cell.cellId));
    const records = await corpus.records({ runId: 'resumable' });
    for (const cell of cut) {
      const earlier = attemptsBefore.filter(
        (r) => `${r.armId}/${r.taskId}/${r.replicate}` === `${cell.armId}/${cell.taskId}/${cell.replicate}`,
      );
      expect(cell.try).toBe(earlier.length > 0 ? Math.max(...earlier.map((r) => r.try)) + 1 : 0);
      for (const id of cell.attemptIds) expect(records.find((r) => r.recordId === id)?.try).toBe(cell.try);
    }
    expect(summary.status).toBe('completed');
    expect(await corpus.manifest('resumable')).toMatchObject({ status: 'completed', stopReason: 'completed' });
    await corpus.close();
  }, 60_000);

  it('refuses to resume a run id with another configuration', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const arms = [
      { id: 'random', ...random(2) },
      { id: 'refine', ...refine(2) },
    ];
    await runBenchmark({ ...digitBenchmark(2), corpus, runId: 'fixed', arms });
    await expect(runBenchmark({ ...digitBenchmark(3), corpus, runId: 'fixed', arms })).rejects.toThrow(
      /run "fixed" was started with another configuration/,
    );
    await corpus.close();
  });
});
