import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { runCommand } from '@ratchet/judges';
import { InfraError } from '@ratchet/runtime';
import type { TaskFolder } from './read-task-directory';

/** Top-level folders of a task that never reach the worker: the hidden tests and the reference solution. */
const hiddenFolders = new Set(['tests', 'solution']);

/**
 * Makes a fresh work dir for one task: a temp copy of its folder without `tests/` and `solution/`,
 * with the task's `setup` command run in it. The caller deletes it.
 *
 * `setup` runs before the worker has touched anything, so its failure is the environment's, never the
 * agent's: a setup still running at `setupTimeoutMs` is the harness stalling (a slow install, a busy
 * machine) and is retried, unlike tests that hang on the agent's work, which fail its verdict.
 *
 * @throws {InfraError} when `setup` fails (not retryable) or times out (retryable); the copy is removed.
 */
export async function openWorkDir(folder: TaskFolder, tmpDir: string = tmpdir()): Promise<string> {
  const workDir = await mkdtemp(join(tmpDir, `ratchet-task-${folder.id.replace(/[^\w-]/g, '_')}-`));
  try {
    await cp(folder.dir, workDir, {
      recursive: true,
      filter: (source) => !hiddenFolders.has(relative(folder.dir, source).split(sep)[0] ?? ''),
    });
    if (folder.setup !== null) await runSetup(folder, workDir);
    return workDir;
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

async function runSetup(folder: TaskFolder, workDir: string): Promise<void> {
  const run = await runCommand({
    command: folder.setup ?? '',
    shell: true,
    cwd: workDir,
    timeoutMs: folder.setupTimeoutMs,
    maxOutputBytes: 4096,
    source: 'setup',
  });
  if (run.termination === 'exited' && run.exitCode === 0) return;
  const how = run.termination === 'exited' ? `exited ${run.exitCode}` : run.termination;
  const stderr = run.stderr.text.trim().slice(0, 500);
  throw new InfraError(
    `task "${folder.id}": setup ${how}${stderr === '' ? '' : ` (stderr: ${stderr})`}. Fix the setup command in ${join(folder.dir, 'task.json')}.`,
    { isRetryable: run.termination === 'timed-out' },
  );
}
