import { RuntimeError } from './runtime-error';

/**
 * The harness failed, not the agent: a rate limit, a crashed sandbox, a harness timeout. The runtime
 * retries it (waiting `retryAfterMs` when the provider said so). Throw this only for failures that say
 * nothing about the agent; an agent that ran and failed is an outcome (docs/design.md rule 4).
 *
 * `scope` says how far the failure reaches. `cell` (the default: a crashed sandbox): if it persists
 * the cell is marked `infra`, and its pair is excluded and counted. `run`: every other cell would fail
 * the same way (no credentials, no billing, the provider unreachable or overloaded), so excluding cells
 * one by one would empty the run: once it persists (at once, when it is not retryable) the run pauses
 * with `stopReason: 'infra'` and this message, records no infra cell, and resumes once it is fixed.
 */
export class InfraError extends RuntimeError {
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly scope: 'cell' | 'run';

  constructor(
    message: string,
    options: { isRetryable?: boolean; retryAfterMs?: number; scope?: 'cell' | 'run'; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'InfraError';
    this.isRetryable = options.isRetryable ?? true;
    this.retryAfterMs = options.retryAfterMs;
    this.scope = options.scope ?? 'cell';
  }

  static override isInstance(error: unknown): error is InfraError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'InfraError';
  }
}
