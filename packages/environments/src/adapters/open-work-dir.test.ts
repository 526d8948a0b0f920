import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError } from '@ratchet/runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkDir } from './open-work-dir';
import type { TaskFolder } from './read-task-directory';

const clamp = fileURLToPath(new URL('../../examples/js-tasks/clamp', import.meta.url));
const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const folder = (setup: string | null, setupTimeoutMs = 120_000): TaskFolder => ({
  id: 'clamp',
  dir: clamp,
  split: 'train',
  prompt: 'clamp',
  setup,
  setupTimeoutMs,
  hasVisibleTests: true,
  hasSolution: true,
});
async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ratchet-open-test-'));
  made.push(dir);
  return dir;
}

describe('openWorkDir', () => {
  it('copies the task without tests/ and solution/, after running its setup there', async () => {
    const workDir = await openWorkDir(folder('echo ready > setup.txt'), await scratch());
    expect((await readdir(workDir)).sort()).toEqual(['clamp.mjs', 'setup.txt', 'task.md', 'visible-tests']);
  });

  it("throws a retryable InfraError when the task's own setup is still running at its time limit", async () => {
    const tmpDir = await scratch();
    const error = await openWorkDir(folder('sleep 10', 300), tmpDir).then(
      () => new Error('expected openWorkDir to throw'),
      (caught: unknown) => caught,
    );
    expect(InfraError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: true });
    expect((error as Error).message).toMatch(/^task "clamp": setup timed-out\. Fix the setup command in /);
    expect(await readdir(tmpDir)).toEqual([]);
  });
});
