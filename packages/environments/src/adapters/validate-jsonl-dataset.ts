import type { JsonValue } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import type { Task } from '@ratchet/runtime';
import { z } from 'zod';
import { jsonlDatasetOptionsSchema } from './jsonl-dataset-environment';
import { buildJsonlJudge, expectedProblem, referenceAnswer } from './jsonl-judge-config';
import { mapWithConcurrency } from './map-with-concurrency';
import { parseAdapterOptions } from './parse-adapter-options';
import { readJsonlDataset } from './read-jsonl-dataset';
import { describeError, type ValidationProblem, type ValidationReport, validationReport } from './validation-report';

const optionsSchema = z.intersection(
  jsonlDatasetOptionsSchema,
  z.object({
    /** Report a task with no reference answer as a problem (default true). */
    requireReference: z.boolean().default(true),
    /** Tasks judged at once (default 4; a command judge runs a process per call). */
    concurrency: z.number().int().positive().default(4),
  }),
);
export type ValidateJsonlDatasetOptions = z.input<typeof optionsSchema>;

/**
 * Checks that the judge can tell a right answer from no answer on every line: the reference answer
 * (the line's `reference`, else its `expected` for exact and numeric judges) must pass and the empty
 * answer `''` must fail. A line whose `expected` this judge cannot use is reported, not thrown.
 *
 * @throws {JsonlDatasetError} only when the file cannot be read or a line is not a JSON task.
 * @example
 * const report = await validateJsonlDataset({ path: 'examples/arithmetic.jsonl', judge: { kind: 'numeric' } });
 * // => { ok: true, summary: { tasks: 6, ok: 6, withProblems: 0, problems: {} }, … }
 */
export async function validateJsonlDataset(options: ValidateJsonlDatasetOptions): Promise<ValidationReport> {
  const parsed = parseAdapterOptions('validateJsonlDataset', optionsSchema, options);
  const judge = buildJsonlJudge(parsed.judge);
  const { source, tasks } = await readJsonlDataset(
    parsed.path === undefined ? { lines: parsed.lines ?? [] } : { path: parsed.path },
    parsed.split,
  );
  const results = await mapWithConcurrency(tasks, parsed.concurrency, async (line) => {
    const unusable = expectedProblem(parsed.judge, line.expected);
    if (unusable !== null) {
      return {
        taskId: line.id,
        problems: [{ code: 'invalid-task' as const, message: `line ${line.line}: ${unusable}` }],
      };
    }
    const task: Task<JsonValue> = {
      id: line.id,
      split: line.split,
      input: line.input,
      ...(line.expected === undefined ? {} : { expected: line.expected }),
    };
    const problems: ValidationProblem[] = [];
    const empty = await judgeOrReport(judge, task, '', 'empty answer', problems);
    if (empty?.resolved) {
      problems.push({ code: 'empty-passed', message: `line ${line.line}: the empty answer passes the judge` });
    }
    const reference = referenceAnswer(parsed.judge, line);
    if (reference === undefined) {
      if (parsed.requireReference) {
        problems.push({ code: 'no-reference', message: `line ${line.line}: add a "reference" answer to check` });
      }
    } else {
      const verdict = await judgeOrReport(judge, task, reference, 'reference answer', problems);
      if (verdict && !verdict.resolved) {
        problems.push({
          code: 'reference-failed',
          message: `line ${line.line}: the reference answer fails the judge`,
          ...(verdict.details === undefined ? {} : { details: verdict.details }),
        });
      }
    }
    return { taskId: line.id, problems };
  });
  return validationReport(source, results);
}

async function judgeOrReport(
  judge: Judge,
  task: Task<JsonValue>,
  output: unknown,
  what: string,
  problems: ValidationProblem[],
) {
  try {
    return await judge.judge(task, output);
  } catch (error) {
    problems.push({ code: 'judge-broke', message: `judging the ${what}: ${describeError(error)}` });
    return null;
  }
}
