import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';

/** The argument that stands for the test files of the folder being run, one argument per file. */
export const filesPlaceholder = '{files}';

/**
 * How a task's tests are run, for the hidden tests (the judge) and the visible ones (the checks). The
 * default runs Node's built-in test runner with TAP output on every `*.test.js|mjs|cjs` file of the
 * folder; `{files}` in `args` becomes those files, relative to the work dir.
 */
export const testCommandSchema = z.strictObject({
  /** The executable; defaults to the Node.js running Ratchet. */
  command: z.string().min(1).default(process.execPath),
  args: z.array(z.string()).default(['--test', '--test-reporter=tap', filesPlaceholder]),
  /** How results are read (see commandJudge). TAP suits `node --test --test-reporter=tap`. */
  report: z
    .discriminatedUnion('format', [
      z.strictObject({ format: z.literal('junit'), path: z.string().min(1) }),
      z.strictObject({ format: z.literal('tap') }),
      z.strictObject({ format: z.literal('exit-code') }),
    ])
    .default({ format: 'tap' }),
  /** Which files of the test folder `{files}` lists: a regular expression on the file name. */
  testFiles: z
    .string()
    .min(1)
    .refine((source) => isRegExp(source), 'must be a valid regular expression')
    .default('\\.test\\.[cm]?js$'),
  /** Past it the tests are killed and fail (`reason: 'timeout'`): they run the worker's code (default 60 s). */
  timeoutMs: z.number().int().positive().default(60_000),
  env: z.record(z.string(), z.string()).optional(),
  /** Fewest passing tests for a pass (zero tests run is not a pass). */
  minPassed: z.number().int().nonnegative().default(1),
});
export type TestCommand = z.output<typeof testCommandSchema>;
export type TestCommandInput = z.input<typeof testCommandSchema>;

/**
 * The command judge options for one test folder of a work dir: `{files}` expanded to the folder's
 * test files, sorted so every run lists them in the same order. Null when `{files}` is used and the
 * folder holds no test file: run with no files, `node --test` would search the whole work dir instead.
 */
export async function testRunOptions(command: TestCommand, workDir: string, folder: string) {
  const files = await listTestFiles(workDir, folder, new RegExp(command.testFiles));
  if (files.length === 0 && command.args.includes(filesPlaceholder)) return null;
  const args = command.args.flatMap((arg) => (arg === filesPlaceholder ? files : [arg]));
  return {
    command: command.command,
    args,
    report: command.report,
    timeoutMs: command.timeoutMs,
    minPassed: command.minPassed,
    ...(command.env === undefined ? {} : { env: command.env }),
  };
}

async function listTestFiles(workDir: string, folder: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(join(workDir, folder), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(workDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
