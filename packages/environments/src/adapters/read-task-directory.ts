import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Split } from '@ratchet/corpus';
import { idSchema } from '@ratchet/corpus';
import type { z } from 'zod';
import { TaskDirectoryError } from './task-directory-error';
import { type SplitsJson, splitsJsonSchema, taskJsonSchema } from './task-json';

/** One task folder, read and checked. */
export interface TaskFolder {
  readonly id: string;
  /** The absolute path of the task folder. */
  readonly dir: string;
  readonly split: Split;
  /** The contents of `task.md`. */
  readonly prompt: string;
  readonly setup: string | null;
  readonly setupTimeoutMs: number;
  readonly hasVisibleTests: boolean;
  readonly hasSolution: boolean;
}

/** A task folder that could not be used, and why (validate mode reports these; the environment refuses). */
export interface InvalidTaskFolder {
  readonly id: string;
  readonly dir: string;
  readonly problem: string;
}

/**
 * Reads a task directory: every folder under `root` whose name does not start with `.` or `_` is a
 * task, its name the task id. A task folder that is incomplete is returned in `invalid`, not thrown.
 *
 * @throws {TaskDirectoryError} when `root` is not a readable folder, or `splits.json` is not valid
 *   JSON of the expected shape, names a task that does not exist, lists one twice, or leaves one out.
 */
export async function readTaskDirectory(
  root: string,
  defaultSplit: Split,
): Promise<{ folders: TaskFolder[]; invalid: InvalidTaskFolder[] }> {
  const rootDir = resolve(root);
  let entries: Dirent[];
  try {
    entries = await readdir(rootDir, { withFileTypes: true });
  } catch (error) {
    throw new TaskDirectoryError({
      path: rootDir,
      problem: 'the task directory could not be read',
      fix: 'Pass the folder that holds one sub-folder per task.',
      cause: error,
    });
  }
  const ids = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_'))
    .map((entry) => entry.name)
    .sort();
  const splits = await readSplits(rootDir, ids);
  const folders: TaskFolder[] = [];
  const invalid: InvalidTaskFolder[] = [];
  for (const id of ids) {
    const dir = join(rootDir, id);
    const read = await readTaskFolder(id, dir, splits?.get(id) ?? defaultSplit);
    if ('problem' in read) invalid.push(read);
    else folders.push(read);
  }
  return { folders, invalid };
}

async function readTaskFolder(id: string, dir: string, split: Split): Promise<TaskFolder | InvalidTaskFolder> {
  const refuse = (problem: string): InvalidTaskFolder => ({ id, dir, problem });
  if (!idSchema.safeParse(id).success) return refuse('the folder name is not a valid task id (1–200 characters)');
  const prompt = await readFile(join(dir, 'task.md'), 'utf8').catch(() => null);
  if (prompt === null || prompt.trim() === '') return refuse('task.md is missing or empty: it holds the instruction');
  if (!(await isDirectory(join(dir, 'tests')))) return refuse('tests/ is missing: it holds the hidden tests');
  const taskJson = await readJsonFile(join(dir, 'task.json'), taskJsonSchema);
  if (taskJson.kind === 'invalid') return refuse(`task.json ${taskJson.problem}`);
  const config = taskJson.kind === 'found' ? taskJson.value : taskJsonSchema.parse({});
  return {
    id,
    dir,
    split,
    prompt,
    setup: config.setup ?? null,
    setupTimeoutMs: config.setupTimeoutMs,
    hasVisibleTests: await isDirectory(join(dir, 'visible-tests')),
    hasSolution: await isDirectory(join(dir, 'solution')),
  };
}

async function readSplits(rootDir: string, ids: readonly string[]): Promise<Map<string, Split> | null> {
  const path = join(rootDir, 'splits.json');
  const read = await readJsonFile(path, splitsJsonSchema);
  if (read.kind === 'absent') return null;
  const refuse = (problem: string): never => {
    throw new TaskDirectoryError({
      path,
      problem,
      fix: 'List every task folder exactly once, e.g. { "train": ["a", "b"], "val": ["c"], "holdout": ["d"] }.',
    });
  };
  if (read.kind === 'invalid') return refuse(read.problem);
  const bySplit: SplitsJson = read.value;
  const splits = new Map<string, Split>();
  for (const split of ['train', 'val', 'holdout'] as const) {
    for (const id of bySplit[split]) {
      const earlier = splits.get(id);
      if (earlier !== undefined) refuse(`task "${id}" is listed in ${earlier} and again in ${split}`);
      if (!ids.includes(id)) refuse(`task "${id}" (in ${split}) has no folder`);
      splits.set(id, split);
    }
  }
  const unlisted = ids.filter((id) => !splits.has(id));
  if (unlisted.length > 0) refuse(`task folders ${unlisted.map((id) => `"${id}"`).join(', ')} are in no split`);
  return splits;
}

type JsonFileRead<T> = { kind: 'absent' } | { kind: 'invalid'; problem: string } | { kind: 'found'; value: T };

/** Reads an optional JSON file through a schema; a parse problem is described, never thrown. */
async function readJsonFile<T extends z.ZodType>(path: string, schema: T): Promise<JsonFileRead<z.output<T>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'invalid', problem: `could not be read (${(error as Error).message})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'invalid', problem: `is not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: 'found', value: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  return { kind: 'invalid', problem: `does not match its format (${issues.join('; ')})` };
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}
