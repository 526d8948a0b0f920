import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JsonlDatasetError } from './jsonl-dataset-error';
import { readJsonlDataset } from './read-jsonl-dataset';

const arithmetic = fileURLToPath(new URL('../../examples/arithmetic.jsonl', import.meta.url));

async function failure(lines: string[]): Promise<JsonlDatasetError> {
  const error = await readJsonlDataset({ lines }, 'train').catch((caught: unknown) => caught);
  if (!JsonlDatasetError.isInstance(error)) throw new Error(`expected a JsonlDatasetError, got ${String(error)}`);
  return error;
}

describe('readJsonlDataset', () => {
  it('reads the example file with each line number, defaulting the split', async () => {
    const { source, tasks } = await readJsonlDataset({ path: arithmetic }, 'train');
    expect(source).toBe(arithmetic);
    expect(tasks.map((task) => [task.id, task.split, task.line])).toEqual([
      ['add-small', 'train', 1],
      ['subtract', 'train', 2],
      ['multiply', 'train', 3],
      ['divide', 'val', 4],
      ['square-root', 'val', 5],
      ['percent', 'holdout', 6],
    ]);
    const defaulted = await readJsonlDataset({ lines: ['{"id":"a","input":1}'] }, 'val');
    expect(defaulted.tasks[0]).toEqual({ id: 'a', split: 'val', input: 1, line: 1 });
  });

  it('names the line of invalid JSON, counting blank lines', async () => {
    const error = await failure(['{"id":"a","input":1}', '', '{"id":"b", input: 2}']);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/^<lines>:3: not valid JSON/);
  });

  it('names the line and the field of a line that is not a task', async () => {
    const error = await failure(['{"id":"a","input":1}', '{"id":"b","input":2,"expect":3}']);
    expect(error.line).toBe(2);
    expect(error.message).toMatch(/<lines>:2: not a task .*expect/);
    expect((await failure(['{"input":1}'])).message).toMatch(/<lines>:1: not a task \(id: /);
  });

  it('names both lines of a repeated id', async () => {
    const error = await failure(['{"id":"a","input":1}', '{"id":"b","input":2}', '{"id":"a","input":3}']);
    expect(error.line).toBe(3);
    expect(error.message).toMatch(/the id "a" is already used on line 1/);
  });

  it('names the file when it cannot be read or holds no task', async () => {
    const missing = join(fileURLToPath(new URL('.', import.meta.url)), 'no-such.jsonl');
    const error = await readJsonlDataset({ path: missing }, 'train').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'JsonlDatasetError', source: missing, line: null });
    expect((await failure(['', '  '])).message).toMatch(/the dataset has no tasks/);
  });
});
