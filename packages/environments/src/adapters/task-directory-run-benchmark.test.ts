import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { scriptedWorker } from '@ratchet/runtime/test';
import { describe, expect, it } from 'vitest';
import { taskDirectory } from './task-directory';
import type { TaskDirectoryHandle } from './task-directory-environment';

const examples = fileURLToPath(new URL('../../examples/js-tasks', import.meta.url));

describe('runBenchmark over a task directory', () => {
  it('records checks and hidden-test verdicts for a worker that solves two tasks and gets one wrong', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const { environment, judge } = taskDirectory({ root: examples });
    const seen: string[][] = [];
    const worker = scriptedWorker(async (input) => {
      const { workDir } = input.handle as TaskDirectoryHandle;
      seen.push(await readdir(workDir));
      if (input.task.id === 'is-palindrome') {
        await writeFile(join(workDir, 'is-palindrome.mjs'), 'export const isPalindrome = () => true;\n');
      } else {
        await cp(join(examples, input.task.id, 'solution'), workDir, { recursive: true });
      }
      return { output: `edited ${input.task.id}`, events: [], usage: unmeasuredUsage };
    });

    const summary = await runBenchmark({
      environment,
      judge,
      worker,
      corpus,
      arms: [
        { id: 'random', ...random(1) },
        { id: 'refine', ...refine(1) },
      ],
      split: 'train',
      concurrency: 2,
      backoffMs: 1,
    });

    expect(summary.status).toBe('completed');
    expect(summary.arms.map((arm) => [arm.armId, arm.cells, arm.resolved, arm.infraCells])).toEqual([
      ['random', 3, 2, 0],
      ['refine', 3, 2, 0],
    ]);
    expect(seen.every((entries) => !entries.includes('tests') && !entries.includes('solution'))).toBe(true);
    const records = await corpus.records({ taskId: 'is-palindrome' });
    expect(records.map((record) => [record.verdict?.resolved, record.checks[0]?.passed])).toEqual([
      [false, false],
      [false, false],
    ]);
    const solved = await corpus.records({ taskId: 'clamp' });
    expect(solved.map((record) => [record.verdict?.resolved, record.checks[0]?.name])).toEqual([
      [true, 'visible-tests'],
      [true, 'visible-tests'],
    ]);
    await corpus.close();
  });
});
