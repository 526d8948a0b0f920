import {
  commandJudgeOptionsSchema,
  exactMatchJudge,
  exactMatchJudgeOptionsSchema,
  type Judge,
  numericJudge,
  numericJudgeOptionsSchema,
  regexJudge,
} from '@ratchet/judges';
import { z } from 'zod';
import { answerCommandJudge } from './answer-command-judge';
import { judgeOptionsAsWritten } from './judge-options-as-written';

/**
 * Which judge scores a JSON Lines dataset. `exact`, `numeric` and `command` take the options of
 * `exactMatchJudge`, `numericJudge` and `commandJudge`, spelled out here so a misspelt option
 * (`judge.prase`) is refused with its path and every option is in the config's JSON Schema; `regex`
 * matches each task's `expected` pattern, or one `pattern` for all; `command` runs your checker on
 * `output.txt` and `task.json`.
 */
export const jsonlJudgeConfigSchema = z.discriminatedUnion('kind', [
  judgeOptionsAsWritten(exactMatchJudgeOptionsSchema).extend({ kind: z.literal('exact') }),
  judgeOptionsAsWritten(numericJudgeOptionsSchema).extend({ kind: z.literal('numeric') }),
  z.strictObject({
    kind: z.literal('regex'),
    id: z.string().min(1).optional(),
    pattern: z
      .string()
      .min(1)
      .refine((source) => compiles(source), 'must be a valid regular expression')
      .optional(),
    flags: z
      .string()
      .regex(/^[dgimsuvy]*$/, 'must contain only regular expression flags')
      .optional(),
    fullMatch: z.boolean().optional(),
  }),
  judgeOptionsAsWritten(commandJudgeOptionsSchema).extend({ kind: z.literal('command') }),
]);
export type JsonlJudgeConfig = z.input<typeof jsonlJudgeConfigSchema>;
type ParsedConfig = z.output<typeof jsonlJudgeConfigSchema>;

/** Builds the judge a config names. @throws {InvalidOptionsError} from the judge when an option is invalid. */
export function buildJsonlJudge(config: ParsedConfig): Judge {
  const { kind: _kind, ...options } = config;
  switch (config.kind) {
    case 'exact':
      return exactMatchJudge(options as Parameters<typeof exactMatchJudge>[0]);
    case 'numeric':
      return numericJudge(options as Parameters<typeof numericJudge>[0]);
    case 'regex':
      return regexJudge(options as Parameters<typeof regexJudge>[0]);
    case 'command':
      return answerCommandJudge(options as Parameters<typeof answerCommandJudge>[0]);
  }
}

/** Why a task's `expected` cannot be used by this judge, or null when it can. */
export function expectedProblem(config: ParsedConfig, expected: unknown): string | null {
  switch (config.kind) {
    case 'exact': {
      const answers = Array.isArray(expected) ? expected : [expected];
      const usable = answers.length > 0 && answers.every((answer) => typeof answer === 'string');
      return usable ? null : '"expected" must be a string or a non-empty array of strings for the exact judge';
    }
    case 'numeric': {
      const value = typeof expected === 'string' && expected.trim() !== '' ? Number(expected) : expected;
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : '"expected" must be a finite number (or numeric string) for the numeric judge';
    }
    case 'regex':
      if (config.pattern !== undefined) return null;
      if (typeof expected !== 'string' || expected === '') {
        return '"expected" must be a pattern string for the regex judge (or give the judge a pattern)';
      }
      return compiles(expected) ? null : '"expected" is not a valid regular expression';
    case 'command':
      return null;
  }
}

/** The answer validate mode expects to pass: the task's `reference`, else one read from `expected`. */
export function referenceAnswer(config: ParsedConfig, task: { expected?: unknown; reference?: unknown }): unknown {
  if (task.reference !== undefined) return task.reference;
  if (config.kind === 'exact') return Array.isArray(task.expected) ? task.expected[0] : task.expected;
  if (config.kind === 'numeric') return task.expected === undefined ? undefined : String(task.expected);
  return undefined;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
