import { InfraError } from '@ratchet/runtime';
import type { ProviderFailure } from './event-stream-parser';

/**
 * Why the harness, not the agent, failed an attempt:
 * - `command-not-found`: the executable does not exist (spawn ENOENT).
 * - `spawn-failed`: the process could not be started (permissions, no free processes, arguments too long).
 * - `no-work-dir`: neither the environment handle's `workDir` nor the `cwd` option names an existing directory.
 * - the agent's model provider failed it, by kind (see `ProviderFailureKind`): `credentials`,
 *   `billing`, `request-refused`, `rate-limited`, `overloaded`, `server-error`, `unreachable`.
 * An agent still running at `timeoutMs` is not among them, unless it was retrying its provider: that
 * is its outcome (`AttemptResult.failure`).
 */
export type CommandWorkerFailure =
  | 'command-not-found'
  | 'spawn-failed'
  | 'no-work-dir'
  | 'credentials'
  | 'billing'
  | 'request-refused'
  | 'rate-limited'
  | 'overloaded'
  | 'server-error'
  | 'unreachable';

/**
 * An attempt of a command worker failed for a reason that says nothing about the agent (docs/design.md rule 4):
 * the runtime retries it when `isRetryable` (after `retryAfterMs` when the provider named a wait). If
 * it persists, a `cell` failure marks the cell `infra`; a `run` failure (every cell would fail the
 * same way: a provider failure) pauses the run with this message.
 */
export class CommandWorkerError extends InfraError {
  readonly reason: CommandWorkerFailure;
  /** The command line, quoted for a shell, for logs; the prompt in it is abbreviated. */
  readonly command: string;
  /** The provider failure this error stands for, with its HTTP status when the CLI gave one. */
  readonly providerFailure: ProviderFailure | undefined;

  constructor(options: {
    reason: CommandWorkerFailure;
    message: string;
    command: string;
    isRetryable: boolean;
    retryAfterMs?: number;
    scope?: 'cell' | 'run';
    providerFailure?: ProviderFailure;
    cause?: unknown;
  }) {
    super(options.message, {
      isRetryable: options.isRetryable,
      ...(options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs }),
      scope: options.scope ?? 'cell',
      cause: options.cause,
    });
    // InfraError.isInstance matches on the name, so the name stays InfraError for the runtime's retry.
    this.reason = options.reason;
    this.command = options.command;
    this.providerFailure = options.providerFailure;
  }

  static override isInstance(error: unknown): error is CommandWorkerError {
    return InfraError.isInstance(error) && typeof (error as CommandWorkerError).reason === 'string';
  }
}
