import type { JsonValue, Split } from '@ratchet/corpus';
import { splitSchema } from '@ratchet/corpus';
import type { Check, Judge } from '@ratchet/judges';
import type { Environment, Task } from '@ratchet/runtime';
import { z } from 'zod';
import { buildJsonlJudge, expectedProblem, jsonlJudgeConfigSchema } from './jsonl-judge-config';
import { parseAdapterOptions } from './parse-adapter-options';
import { type JsonlTask, readJsonlDataset } from './read-jsonl-dataset';

export const jsonlDatasetOptionsSchema = z
  .strictObject({
    /** A JSON Lines file, one task per line; or `lines`, the same in memory. */
    path: z.string().min(1).optional(),
    lines: z.array(z.string()).optional(),
    /** The environment id recorded in runs (default `jsonl-dataset`). */
    id: z.string().min(1).default('jsonl-dataset'),
    /** The split of lines that name none (default `train`). */
    split: splitSchema.default('train'),
    judge: jsonlJudgeConfigSchema,
    /** Oracle-free checks run on each output (default none): what a strategy may see. */
    checks: z.array(z.custom<Check>(isCheck, 'must be a Check: { name, run }')).default([]),
  })
  .refine((options) => (options.path === undefined) !== (options.lines === undefined), {
    message: 'give exactly one of path and lines',
  });
export type JsonlDatasetOptions = z.input<typeof jsonlDatasetOptionsSchema>;

/** An open dataset task: answers are plain outputs, so there is no work dir. */
export interface JsonlDatasetHandle {
  readonly taskId: string;
}

/**
 * A JSON Lines dataset as an environment and the judge its config names. The file is read on the
 * first `tasks()` call; every line's `expected` is checked against the judge then, so a numeric
 * dataset with a worded answer fails at load, naming the line, not mid-run.
 *
 * @throws {AdapterOptionsError} when an option is invalid; {InvalidOptionsError} from the judge.
 * @example
 * const { environment, judge } = jsonlDataset({ path: 'examples/arithmetic.jsonl', judge: { kind: 'numeric' } });
 * const tasks = await environment.tasks('train'); // => [{ id: 'add-small', split: 'train', input: 'What is 2 + 3?', expected: 5 }, …]
 */
export function jsonlDataset(options: JsonlDatasetOptions): {
  environment: Environment<JsonValue, JsonlDatasetHandle>;
  judge: Judge;
} {
  const parsed = parseAdapterOptions('jsonlDataset', jsonlDatasetOptionsSchema, options);
  const judge = buildJsonlJudge(parsed.judge);
  let loaded: Promise<JsonlTask[]> | undefined;
  const load = () => {
    loaded ??= readJsonlDataset(
      parsed.path === undefined ? { lines: parsed.lines ?? [] } : { path: parsed.path },
      parsed.split,
      (task) => expectedProblem(parsed.judge, task.expected),
    ).then(({ tasks }) => tasks);
    return loaded;
  };
  const environment: Environment<JsonValue, JsonlDatasetHandle> = {
    id: parsed.id,
    async tasks(split?: Split) {
      const tasks = (await load()).map(jsonlTaskOf);
      return split === undefined ? tasks : tasks.filter((task) => task.split === split);
    },
    async open(task) {
      return { taskId: task.id };
    },
    async checks(_handle, output) {
      return Promise.all(parsed.checks.map((check) => check.run(output)));
    },
    async close() {},
  };
  return { environment, judge };
}

/** The environment alone; see `jsonlDataset` for the judge too. */
export function jsonlDatasetEnvironment(options: JsonlDatasetOptions): Environment<JsonValue, JsonlDatasetHandle> {
  return jsonlDataset(options).environment;
}

/** The runtime task for a line; `reference` is for validate mode and never reaches a worker or judge. */
export function jsonlTaskOf(task: JsonlTask): Task<JsonValue> {
  return {
    id: task.id,
    split: task.split,
    input: task.input,
    ...(task.expected === undefined ? {} : { expected: task.expected }),
  };
}

function isCheck(value: unknown): value is Check {
  const check = value as Partial<Check> | null;
  return typeof check?.name === 'string' && typeof check.run === 'function';
}
