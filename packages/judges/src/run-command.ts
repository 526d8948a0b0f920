import { stat } from 'node:fs/promises';
import { execa } from 'execa';
import { z } from 'zod';
import { CappedOutput, type CapturedOutput } from './capped-output';
import { JudgeInfraError } from './judge-infra-error';
import { parseOptions } from './parse-options';

/** Spawn error codes that say the machine was briefly out of something, so a retry may succeed. */
const transientSpawnCodes = new Set(['EAGAIN', 'EMFILE', 'ENFILE', 'ENOMEM', 'EBUSY']);

export const runCommandOptionsSchema = z.strictObject({
  /** The executable (found on PATH), or a shell command line when `shell` is true. */
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  /** The directory the command runs in; it must exist. */
  cwd: z.string().min(1),
  /** Extra environment variables, on top of this process's environment. */
  env: z.record(z.string(), z.string()).optional(),
  /** Run the command through `/bin/sh` (exit 127 then means the command was not found). */
  shell: z.boolean().default(false),
  /** Wall-clock limit; past it the whole process tree is killed (default 5 minutes). */
  timeoutMs: z.number().int().positive().default(300_000),
  /** Bytes kept from each of stdout and stderr; the rest is dropped and counted (default 1 MiB). */
  maxOutputBytes: z.number().int().nonnegative().default(1_048_576),
  /** Time between SIGTERM and SIGKILL when the tree is killed (default 2 s). */
  killGraceMs: z.number().int().nonnegative().default(2000),
  /** Aborting it kills the whole process tree. */
  signal: z.instanceof(AbortSignal).optional(),
  /** Sees every chunk of output, including the bytes past the cap (for streaming parsers). */
  onOutput: z
    .custom<(stream: 'stdout' | 'stderr', chunk: Uint8Array) => void>((value) => typeof value === 'function')
    .optional(),
  /** Who runs the command (a judge id or check name), named in errors. */
  source: z.string().min(1).default('runCommand'),
});
export type RunCommandOptions = z.input<typeof runCommandOptionsSchema>;

/**
 * How the command ended: it exited by itself (`exited`), a signal the harness did not send ended it
 * (`signaled`: a crash, the OOM killer), the harness killed it at `timeoutMs` (`timed-out`), or the
 * caller's signal aborted it (`aborted`).
 */
export type CommandTermination = 'exited' | 'signaled' | 'timed-out' | 'aborted';

/** One finished run of a command. */
export interface CommandRun {
  /** The command line, quoted for a shell, for logs and error messages. */
  command: string;
  termination: CommandTermination;
  /** The exit code when the command exited by itself; null otherwise. */
  exitCode: number | null;
  /** The signal that ended the command (`SIGTERM`, `SIGSEGV`), or null. */
  signal: string | null;
  durationMs: number;
  stdout: CapturedOutput;
  stderr: CapturedOutput;
}

/**
 * Runs a command through execa with a timeout and an output cap, in its own process group, so a
 * timeout or an abort kills the whole tree (children and grandchildren too); processes the command
 * leaves behind after it exits are killed as well. stdin is closed. The command's own failure (a
 * non-zero exit, a crash) is returned, not thrown: judges and checks decide what it means.
 *
 * @throws {InvalidOptionsError} when an option is invalid.
 * @throws {JudgeInfraError} `command-not-found` when the executable does not exist; `spawn-failed`
 *   when the work dir is missing or the process cannot be started (`isRetryable` for EAGAIN and the like).
 * @example
 * const run = await runCommand({ command: 'node', args: ['-e', 'console.log(1)'], cwd: '.', timeoutMs: 5000 });
 * // => { termination: 'exited', exitCode: 0, signal: null, stdout: { text: '1\n', bytes: 2, droppedBytes: 0 }, … }
 */
export async function runCommand(options: RunCommandOptions): Promise<CommandRun> {
  const parsed = parseOptions('runCommand', runCommandOptionsSchema, options);
  const commandLine = [parsed.command, ...parsed.args].join(' ');
  await assertDirectory(parsed.cwd, parsed.source, commandLine);

  const subprocess = execa(parsed.command, parsed.args, {
    cwd: parsed.cwd,
    ...(parsed.env === undefined ? {} : { env: parsed.env }),
    shell: parsed.shell,
    timeout: parsed.timeoutMs,
    ...(parsed.signal === undefined ? {} : { cancelSignal: parsed.signal }),
    killDescendants: true,
    forceKillAfterDelay: parsed.killGraceMs,
    stdin: 'ignore',
    buffer: false,
    encoding: 'buffer',
    reject: false,
  });
  const stdout = new CappedOutput(parsed.maxOutputBytes);
  const stderr = new CappedOutput(parsed.maxOutputBytes);
  subprocess.stdout?.on('data', (chunk: Uint8Array) => {
    stdout.push(chunk);
    parsed.onOutput?.('stdout', chunk);
  });
  subprocess.stderr?.on('data', (chunk: Uint8Array) => {
    stderr.push(chunk);
    parsed.onOutput?.('stderr', chunk);
  });

  const result = await subprocess;
  // Anything the command left running in its process group dies with it.
  subprocess.kill('SIGKILL');

  const started = result.exitCode !== undefined || result.signal !== undefined || result.timedOut || result.isCanceled;
  if (!started) {
    const code = result.code ?? 'unknown';
    const notFound = code === 'ENOENT';
    throw new JudgeInfraError({
      source: parsed.source,
      reason: notFound ? 'command-not-found' : 'spawn-failed',
      message: notFound
        ? `command "${parsed.command}" was not found (spawn ENOENT). Install it or put it on PATH.`
        : `command "${parsed.command}" could not be started (${code}).`,
      isRetryable: transientSpawnCodes.has(code),
      command: result.escapedCommand,
      cause: result,
    });
  }

  let termination: CommandTermination = 'exited';
  if (result.timedOut) termination = 'timed-out';
  else if (result.isCanceled) termination = 'aborted';
  else if (result.exitCode === undefined) termination = 'signaled';
  return {
    command: result.escapedCommand,
    termination,
    exitCode: result.exitCode ?? null,
    signal: result.signal ?? null,
    durationMs: result.durationMs,
    stdout: stdout.result(),
    stderr: stderr.result(),
  };
}

async function assertDirectory(cwd: string, source: string, command: string): Promise<void> {
  const isDirectory = await stat(cwd).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (isDirectory) return;
  throw new JudgeInfraError({
    source,
    reason: 'spawn-failed',
    message: `work dir "${cwd}" does not exist or is not a directory. Open the task's environment before judging.`,
    isRetryable: false,
    command,
  });
}
