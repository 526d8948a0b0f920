import { execa } from 'execa';
import type { Env } from '../chat/provider-credentials';
import { WorkerConfigError } from '../worker-config-error';

/** What one short run of a CLI printed. */
export interface ProbeResult {
  /** The exit code; null when the probe was killed at its time limit. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI once with some arguments (`--version`, `auth status`), for preflight. */
export type CliProbe = (args: readonly string[]) => Promise<ProbeResult>;

/**
 * A probe of `command` (after `prefixArgs`), run with exactly `env` (nothing inherited, so a test's
 * environment is the whole of it), stdin closed, killed after `timeoutMs`. The CLI's failures are
 * returned; only a command that cannot start throws.
 *
 * @throws {WorkerConfigError} when the command is missing or cannot be started.
 * @example
 * await cliProbe({ presetId: 'codex', command: 'codex', prefixArgs: [], env: process.env })(['--version'])
 * // => { exitCode: 0, stdout: 'codex-cli 0.169.0', stderr: '' }
 */
export function cliProbe(options: {
  presetId: string;
  command: string;
  prefixArgs: readonly string[];
  env: Env;
  cwd?: string;
  timeoutMs?: number;
}): CliProbe {
  return async (args) => {
    const result = await execa(options.command, [...options.prefixArgs, ...args], {
      env: { ...options.env },
      extendEnv: false,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdin: 'ignore',
      timeout: options.timeoutMs ?? 30_000,
      reject: false,
    });
    if (result.exitCode === undefined && !result.timedOut) {
      const why =
        result.code === 'ENOENT' ? 'was not found' : `could not be started (${result.code ?? 'unknown error'})`;
      throw new WorkerConfigError(
        `${options.presetId}: the command "${options.command}" ${why}; install the CLI or give its path in \`command\``,
        { cause: result },
      );
    }
    return { exitCode: result.exitCode ?? null, stdout: String(result.stdout), stderr: String(result.stderr) };
  };
}
