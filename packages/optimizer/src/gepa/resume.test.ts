import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCorpus } from '@ratchet/corpus';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { killableSearchOptions } from '../fixtures/killable-search-options';
import { gepa } from './gepa';

const packageDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const script = join(packageDir, 'src', 'fixtures', 'killable-search.ts');

describe('a search killed mid-iteration', () => {
  it('resumes where it stopped with the same command, repeats no cell, and ends as the uninterrupted search does', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ratchet-gepa-resume-')), 'corpus.db');
    const child = execa(process.execPath, ['--import', 'tsx', '--conditions=@ratchet/source', script, path, '20'], {
      cwd: packageDir,
      reject: false,
      buffer: { stdout: false },
    });
    const started: string[] = [];
    await new Promise<void>((resolve) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        started.push(
          ...chunk
            .toString()
            .split('\n')
            .filter((line) => line.startsWith('attempt ')),
        );
        // 6 baseline val cells, then iteration 1's 3 + 3 minibatch cells: 14 is inside iteration 2 or so.
        if (started.length >= 14) resolve();
      });
    });
    child.kill('SIGKILL');
    expect((await child).signal).toBe('SIGKILL');

    const corpus = await openCorpus(`sqlite:${path}`);
    const [killed] = await corpus.optimizations();
    expect(killed).toMatchObject({ status: 'running', stopReason: null });
    const cellsOf = async () =>
      (await Promise.all((await corpus.runs()).map((run) => corpus.cells({ runId: run.runId })))).flat();
    const before = await cellsOf();
    expect(before.length).toBeGreaterThanOrEqual(12);

    const options = killableSearchOptions(corpus);
    const resumed = await gepa(options);
    const after = await cellsOf();
    // Every (candidate, task, replicate) was run once: nothing recorded before the kill was run again.
    const keys = after.map((cell) => `${cell.armId}/${cell.taskId}/${cell.replicate}`);
    expect(new Set(keys).size).toBe(keys.length);
    const recorded = new Set(before.map((cell) => `${cell.armId}/${cell.taskId}`));
    // An attempt's seed is `<run seed>/<arm>/<task>/<replicate>/a<n>`: none of the resumed ones is of a recorded cell.
    const rerun = options.family.worker.calls.filter((call) => {
      const [, arm, task] = call.seed.split('/');
      return recorded.has(`${arm}/${task}`);
    });
    expect(rerun).toEqual([]);
    expect(options.family.worker.calls.length).toBeGreaterThan(0);
    expect(resumed.record).toMatchObject({ status: 'completed', stopReason: 'iterations' });

    // The same search, never killed, in a fresh corpus: the same iterations and the same best candidate.
    const fresh = await gepa(killableSearchOptions(await openCorpus('sqlite::memory:')));
    // The iteration cut short by the kill spent fewer cells after the resume (its first cells were
    // recorded before); everything else, and the totals, are the same.
    const strip = (result: typeof fresh) => result.iterations.map(({ createdAt: _c, spend: _s, ...rest }) => rest);
    expect(strip(resumed)).toEqual(strip(fresh));
    expect(resumed.best.hash).toBe(fresh.best.hash);
    expect(resumed.spend.cells).toBe(fresh.spend.cells);
  }, 60_000);
});
