import { RuntimeError } from './runtime-error';

/**
 * The harness failed, not the agent: a rate limit, a crashed sandbox, a harness timeout. The runtime
 * retries it (waiting `retryAfterMs` when the provider said so); if it persists the cell is marked
 * `infra` and its pair is excluded and counted (DESIGN rule 4). Throw this only for failures that say
 * nothing about the agent; an agent that ran and failed is an outcome.
 */
export class InfraError extends RuntimeError {
  readonly isRetryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { isRetryable?: boolean; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'InfraError';
    this.isRetryable = options.isRetryable ?? true;
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance(error: unknown): error is InfraError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'InfraError';
  }
}
