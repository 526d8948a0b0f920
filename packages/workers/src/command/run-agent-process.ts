import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { CommandWorkerError } from './command-worker-error';
import { HeadBuffer } from './head-buffer';
import { LineSplitter } from './line-splitter';
import { type StreamTail, TailBuffer } from './tail-buffer';

/** Spawn error codes that say the machine was briefly out of something, so a retry may succeed. */
const transientSpawnCodes = new Set(['EAGAIN', 'EMFILE', 'ENFILE', 'ENOMEM', 'EBUSY']);

/** How much of the start of stderr an attempt's failure carries: enough for the error a CLI died of. */
const stderrHeadLimits = { maxLines: 20, maxChars: 4000 };

export interface AgentProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  /** The directory the agent runs in; it must exist. */
  readonly cwd: string;
  /** Extra environment variables, on top of this process's environment (`PWD` is always the work dir). */
  readonly env: Readonly<Record<string, string>> | undefined;
  /** Written to the agent's stdin, which is then closed; undefined closes it at once. */
  readonly input?: string;
  readonly timeoutMs: number;
  /** Time between SIGTERM and SIGKILL when the tree is killed. */
  readonly killGraceMs: number;
  /** Bytes kept of one stdout line; the rest of the line is dropped and counted. */
  readonly maxLineBytes: number;
  /** Bytes kept from the end of stderr. */
  readonly maxStderrBytes: number;
  /** Aborting it kills the whole process tree. */
  readonly signal: AbortSignal;
  /** The command line to show in errors (with the prompt abbreviated). */
  readonly displayCommand: string;
  /** Sees each stdout line as it arrives. Must not throw. */
  readonly onLine: (line: string, droppedBytes: number) => void;
  /** When given, sees each stderr line as it arrives (cut at `maxLineBytes`), too. Must not throw. */
  readonly onStderrLine?: (line: string, droppedBytes: number) => void;
}

/**
 * How the agent's process ended: it exited by itself (`exited`), a signal the harness did not send
 * ended it (`signaled`: a crash, the OOM killer), the harness killed it at `timeoutMs` (`timed-out`),
 * or the caller's signal aborted it (`aborted`).
 */
export type ProcessTermination = 'exited' | 'signaled' | 'timed-out' | 'aborted';

export interface AgentProcessRun {
  readonly termination: ProcessTermination;
  /** The exit code when the process exited by itself; null otherwise. */
  readonly exitCode: number | null;
  /** The signal that ended the process (`SIGSEGV`, `SIGTERM`), or null. */
  readonly signal: string | null;
  readonly durationMs: number;
  readonly stdoutBytes: number;
  /** The end of stderr, for the trace. */
  readonly stderr: StreamTail;
  /** The first lines of stderr (up to 20 lines, 4000 characters), for the attempt's failure. */
  readonly stderrHead: string;
}

/**
 * Runs an agent CLI through execa in its own process group, streaming stdout line by line to
 * `onLine`. A timeout or an abort kills the whole tree (SIGTERM, then SIGKILL after `killGraceMs`);
 * processes the agent leaves behind when it exits are killed too, after the same grace, so a
 * background child holding stdout open cannot stall the attempt. stdin gets `input`, then is closed.
 * `PWD` is the work dir, as a shell would set it: CLIs that read their directory from `$PWD`
 * (opencode) would otherwise work in the caller's directory. The agent's own failure (a non-zero
 * exit, a crash, still running at `timeoutMs`) is returned, not thrown.
 *
 * @throws {CommandWorkerError} `no-work-dir` when `cwd` is not a directory; `command-not-found` for a
 *   missing executable; `spawn-failed` when the process cannot be started (retryable for EAGAIN and
 *   the like).
 */
export async function runAgentProcess(options: AgentProcessOptions): Promise<AgentProcessRun> {
  await assertDirectory(options);
  const subprocess = execa(options.command, [...options.args], {
    cwd: options.cwd,
    env: { ...options.env, PWD: resolve(options.cwd) },
    timeout: options.timeoutMs,
    cancelSignal: options.signal,
    killDescendants: true,
    forceKillAfterDelay: options.killGraceMs,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    buffer: false,
    encoding: 'buffer',
    reject: false,
  });
  let stdoutBytes = 0;
  const lines = new LineSplitter(options.maxLineBytes, options.onLine);
  const stderr = new TailBuffer(options.maxStderrBytes);
  const stderrHead = new HeadBuffer(stderrHeadLimits);
  const stderrLines = options.onStderrLine && new LineSplitter(options.maxLineBytes, options.onStderrLine);
  subprocess.stdout?.on('data', (chunk: Uint8Array) => {
    stdoutBytes += chunk.byteLength;
    lines.push(chunk);
  });
  subprocess.stderr?.on('data', (chunk: Uint8Array) => {
    stderr.push(chunk);
    stderrHead.push(chunk);
    stderrLines?.push(chunk);
  });
  // Once the agent itself exits, whatever it left in its group gets the grace period, then dies.
  let sweep: NodeJS.Timeout | undefined;
  subprocess.nodeChildProcess.once('exit', () => {
    sweep = setTimeout(() => subprocess.kill('SIGKILL'), options.killGraceMs);
    sweep.unref();
  });

  const result = await subprocess;
  clearTimeout(sweep);
  subprocess.kill('SIGKILL');
  lines.end();
  stderrLines?.end();

  const started = result.exitCode !== undefined || result.signal !== undefined || result.timedOut || result.isCanceled;
  if (!started) throw spawnError(options, result.code, result);

  let termination: ProcessTermination = 'exited';
  if (result.isCanceled) termination = 'aborted';
  else if (result.timedOut) termination = 'timed-out';
  else if (result.exitCode === undefined) termination = 'signaled';
  return {
    termination,
    exitCode: result.exitCode ?? null,
    signal: result.signal ?? null,
    durationMs: result.durationMs,
    stdoutBytes,
    stderr: stderr.result(),
    stderrHead: stderrHead.text(),
  };
}

function spawnError(options: AgentProcessOptions, code: string | undefined, cause: unknown): CommandWorkerError {
  const shown = code ?? 'unknown error';
  if (code === 'ENOENT') {
    return new CommandWorkerError({
      reason: 'command-not-found',
      message: `command "${options.command}" was not found (spawn ENOENT). Install it or put it on PATH.`,
      command: options.displayCommand,
      isRetryable: false,
      cause,
    });
  }
  const hint = code === 'E2BIG' ? ': the arguments are too long; pass a long prompt some other way' : '';
  return new CommandWorkerError({
    reason: 'spawn-failed',
    message: `command "${options.command}" could not be started (${shown})${hint}.`,
    command: options.displayCommand,
    isRetryable: code !== undefined && transientSpawnCodes.has(code),
    cause,
  });
}

async function assertDirectory(options: AgentProcessOptions): Promise<void> {
  const isDirectory = await stat(options.cwd).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
  if (isDirectory) return;
  throw new CommandWorkerError({
    reason: 'no-work-dir',
    message: `work dir "${options.cwd}" does not exist or is not a directory. Open the task's environment first.`,
    command: options.displayCommand,
    isRetryable: false,
  });
}
