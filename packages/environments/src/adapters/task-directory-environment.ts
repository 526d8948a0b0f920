import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Split, splitSchema } from '@ratchet/corpus';
import type { Environment, Task, TaskView } from '@ratchet/runtime';
import { z } from 'zod';
import { openWorkDir } from './open-work-dir';
import { parseAdapterOptions } from './parse-adapter-options';
import { readTaskDirectory, type TaskFolder } from './read-task-directory';
import { runVisibleTests } from './run-visible-tests';
import { TaskDirectoryError } from './task-directory-error';
import { testCommandSchema } from './test-command';

export const taskDirectoryOptionsSchema = z.strictObject({
  /** The folder holding one sub-folder per task. */
  root: z.string().min(1),
  /** The environment id recorded in runs (default `task-directory`). */
  id: z.string().min(1).default('task-directory'),
  /** The split of every task when there is no `splits.json` (default `train`). */
  split: splitSchema.default('train'),
  /** How the tests are run: the visible ones by `checks`, the hidden ones by the judge. */
  testCommand: testCommandSchema.prefault({}),
  /** Where work dirs are made (default: the OS temp dir). */
  tmpDir: z.string().min(1).optional(),
});
export type TaskDirectoryOptions = z.input<typeof taskDirectoryOptionsSchema>;

/** What a worker is given: the instruction from `task.md`, under `prompt` (what CLI workers send). */
export interface TaskDirectoryInput {
  readonly prompt: string;
}

/** The judge's reference, hidden from workers: where the task's hidden tests are. */
export interface TaskDirectoryExpected {
  readonly testsDir: string;
}

/** An open task: its fresh work dir, where the worker edits files and the judge reads them. */
export interface TaskDirectoryHandle {
  readonly taskId: string;
  readonly workDir: string;
}

/**
 * Tasks from a directory of task folders (see the adapters README section for the format). `open`
 * copies the task folder, without `tests/` and `solution/`, to a fresh temp work dir and runs its
 * setup there; `checks` runs `visible-tests/` when the task has them; `close` deletes the work dir.
 * Task ids are the folder names; splits come from `splits.json`, else every task is in `split`.
 *
 * @throws {AdapterOptionsError} when an option is invalid.
 * @example
 * const environment = taskDirectoryEnvironment({ root: 'examples/js-tasks' });
 * const [task] = await environment.tasks('train');
 * const handle = await environment.open(task); // => { taskId: 'clamp', workDir: '/tmp/ratchet-task-clamp-…' }
 */
export function taskDirectoryEnvironment(
  options: TaskDirectoryOptions,
): Environment<TaskDirectoryInput, TaskDirectoryHandle> {
  const parsed = parseAdapterOptions('taskDirectoryEnvironment', taskDirectoryOptionsSchema, options);
  let loaded: Promise<Map<string, TaskFolder>> | undefined;
  const folders = () => {
    loaded ??= loadFolders(parsed.root, parsed.split);
    return loaded;
  };
  return {
    id: parsed.id,
    async tasks(split?: Split) {
      const all = [...(await folders()).values()].map(taskOf);
      return split === undefined ? all : all.filter((task) => task.split === split);
    },
    async open(task: TaskView<TaskDirectoryInput>) {
      const folder = (await folders()).get(task.id);
      if (folder === undefined) {
        throw new TaskDirectoryError({
          path: join(parsed.root, task.id),
          problem: `there is no task folder "${task.id}"`,
          fix: 'Open only tasks this environment listed.',
        });
      }
      return { taskId: folder.id, workDir: await openWorkDir(folder, parsed.tmpDir) };
    },
    async checks(handle: TaskDirectoryHandle) {
      const folder = (await folders()).get(handle.taskId);
      return folder?.hasVisibleTests ? [await runVisibleTests(parsed.testCommand, handle.workDir)] : [];
    },
    async close(handle: TaskDirectoryHandle) {
      await rm(handle.workDir, { recursive: true, force: true });
    },
  };
}

/** The runtime task for a folder. */
export function taskOf(folder: TaskFolder): Task<TaskDirectoryInput> {
  const expected: TaskDirectoryExpected = { testsDir: join(folder.dir, 'tests') };
  return { id: folder.id, split: folder.split, input: { prompt: folder.prompt }, expected };
}

async function loadFolders(root: string, split: Split): Promise<Map<string, TaskFolder>> {
  const { folders, invalid } = await readTaskDirectory(root, split);
  if (invalid.length > 0) {
    const listed = invalid.map((folder) => `${folder.id}: ${folder.problem}`).join('; ');
    throw new TaskDirectoryError({
      path: invalid[0]?.dir ?? root,
      problem: `${invalid.length} task folder(s) are incomplete (${listed})`,
      fix: 'Fix them, or run validateTaskDirectory for a full report.',
    });
  }
  return new Map(folders.map((folder) => [folder.id, folder]));
}
