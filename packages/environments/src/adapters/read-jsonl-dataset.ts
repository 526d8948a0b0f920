import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { idSchema, type JsonValue, jsonValueSchema, type Split, splitSchema } from '@ratchet/corpus';
import { z } from 'zod';
import { JsonlDatasetError } from './jsonl-dataset-error';

/**
 * One line of a JSON Lines dataset. Strict, so a misspelt key (`"expect"`) is an error, not a task
 * with no answer. `reference` is an answer validate mode checks passes, for judges whose `expected`
 * is not itself an answer (a regex pattern, a checker command's data).
 */
export const jsonlTaskSchema = z.strictObject({
  id: idSchema,
  input: jsonValueSchema,
  expected: jsonValueSchema.optional(),
  split: splitSchema.optional(),
  reference: jsonValueSchema.optional(),
  /** Free-form data kept with the line and ignored by the adapter. */
  meta: jsonValueSchema.optional(),
});

/** A dataset line, read and checked, with where it came from. */
export interface JsonlTask {
  readonly id: string;
  readonly split: Split;
  readonly input: JsonValue;
  readonly expected?: JsonValue;
  readonly reference?: JsonValue;
  /** 1-based line number in the source. */
  readonly line: number;
}

const example = '{"id":"add-1","input":"What is 2 + 3?","expected":"5","split":"train"}';

/**
 * Reads a dataset: a file (`path`) or in-memory `lines`. Blank lines are skipped but counted, so line
 * numbers match an editor's. `check` adds judge-specific checks of each line.
 *
 * @throws {JsonlDatasetError} naming the file and line when the file cannot be read, a line is not
 *   JSON, does not match the task format, fails `check`, or repeats an earlier id; or when there are no tasks.
 */
export async function readJsonlDataset(
  from: { path: string } | { lines: readonly string[] },
  defaultSplit: Split,
  check: (task: JsonlTask) => string | null = () => null,
): Promise<{ source: string; tasks: JsonlTask[] }> {
  const source = 'path' in from ? resolve(from.path) : '<lines>';
  let lines: readonly string[];
  if ('path' in from) {
    try {
      lines = (await readFile(source, 'utf8')).split(/\r?\n/);
    } catch (error) {
      throw new JsonlDatasetError({
        source,
        line: null,
        problem: 'the dataset file could not be read',
        fix: 'Pass the path of a JSON Lines file, one task per line.',
        cause: error,
      });
    }
  } else {
    lines = from.lines;
  }
  const refuse = (line: number, problem: string, cause?: unknown): never => {
    throw new JsonlDatasetError({ source, line, problem, fix: `Each line is one task, e.g. ${example}`, cause });
  };
  const tasks: JsonlTask[] = [];
  const seen = new Map<string, number>();
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (text.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      refuse(line, `not valid JSON (${(error as Error).message})`, error);
    }
    const parsed = jsonlTaskSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`);
      refuse(line, `not a task (${issues.join('; ')})`, parsed.error);
      continue;
    }
    const { id, input, expected, reference, split } = parsed.data;
    const earlier = seen.get(id);
    if (earlier !== undefined) refuse(line, `the id "${id}" is already used on line ${earlier}`);
    seen.set(id, line);
    const task: JsonlTask = {
      id,
      split: split ?? defaultSplit,
      input,
      ...(expected === undefined ? {} : { expected }),
      ...(reference === undefined ? {} : { reference }),
      line,
    };
    const problem = check(task);
    if (problem !== null) refuse(line, problem);
    tasks.push(task);
  }
  if (tasks.length === 0) {
    throw new JsonlDatasetError({
      source,
      line: null,
      problem: 'the dataset has no tasks',
      fix: `Add lines like ${example}`,
    });
  }
  return { source, tasks };
}
