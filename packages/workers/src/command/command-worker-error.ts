import { InfraError } from '@ratchet/runtime';

/**
 * Why the harness, not the agent, failed an attempt:
 * - `command-not-found`: the executable does not exist (spawn ENOENT).
 * - `spawn-failed`: the process could not be started (permissions, no free processes, arguments too long).
 * - `no-work-dir`: neither the environment handle's `workDir` nor the `cwd` option names an existing directory.
 * - `rate-limited`: the agent's provider refused for now (a rate limit, an overload).
 * An agent still running at `timeoutMs` is not among them: that is its outcome (`AttemptResult.failure`).
 */
export type CommandWorkerFailure = 'command-not-found' | 'spawn-failed' | 'no-work-dir' | 'rate-limited';

/**
 * An attempt of a command worker failed for a reason that says nothing about the agent (DESIGN rule 4):
 * the runtime retries it when `isRetryable` (after `retryAfterMs` when the provider named a wait), and
 * marks the cell `infra` if it persists.
 */
export class CommandWorkerError extends InfraError {
  readonly reason: CommandWorkerFailure;
  /** The command line, quoted for a shell, for logs; the prompt in it is abbreviated. */
  readonly command: string;

  constructor(options: {
    reason: CommandWorkerFailure;
    message: string;
    command: string;
    isRetryable: boolean;
    retryAfterMs?: number;
    cause?: unknown;
  }) {
    super(options.message, {
      isRetryable: options.isRetryable,
      ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
      cause: options.cause,
    });
    // InfraError.isInstance matches on the name, so the name stays InfraError for the runtime's retry.
    this.reason = options.reason;
    this.command = options.command;
  }

  static override isInstance(error: unknown): error is CommandWorkerError {
    return InfraError.isInstance(error) && typeof (error as CommandWorkerError).reason === 'string';
  }
}
