import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandJudgeOptions, commandJudge, type Judge } from '@ratchet/judges';

/**
 * Judges an answer with the user's own checker program: writes `output.txt` (the answer; JSON when it
 * is not a string) and `task.json` (`{ id, input, expected }`) to a fresh temp dir and runs the
 * command there through `commandJudge`. Exit code, TAP or JUnit decide, as for `commandJudge`; a
 * checker still running at its time limit is an unresolved verdict (`details.reason: 'timeout'`), as
 * the answer is what it was reading.
 */
export function answerCommandJudge(options: CommandJudgeOptions & { tmpDir?: string | undefined }): Judge {
  const { tmpDir, ...judgeOptions } = options;
  const inner = commandJudge(judgeOptions);
  return {
    id: inner.id,
    ...(inner.version === undefined ? {} : { version: inner.version }),
    async judge(task, output, context = {}) {
      const dir = await mkdtemp(join(tmpDir ?? tmpdir(), 'ratchet-answer-'));
      try {
        await writeFile(join(dir, 'output.txt'), typeof output === 'string' ? output : JSON.stringify(output ?? null));
        const record = { id: task.id, input: task.input ?? null, expected: task.expected ?? null };
        await writeFile(join(dir, 'task.json'), JSON.stringify(record));
        return await inner.judge(task, output, { ...context, workDir: dir });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
