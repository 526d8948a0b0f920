import { JudgeInfraError } from '@ratchet/judges';
import { InfraError } from '../contracts/infra-error';

export interface RetryPolicy {
  /** Retries after the first try, for retryable infra errors. */
  retries: number;
  /** First backoff; doubles each retry unless the error names a retry-after. */
  backoffMs: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** An infra failure that outlasted its retries: the cell ends as `infra`. Internal to the harness. */
export class CellInfraFailure extends Error {
  readonly infra: { error: string; retries: number };

  constructor(infra: { error: string; retries: number }) {
    super(infra.error);
    this.name = 'CellInfraFailure';
    this.infra = infra;
  }

  static isFailure(error: unknown): error is CellInfraFailure {
    return error instanceof CellInfraFailure;
  }
}

/**
 * An infra failure that reaches every cell (`InfraError` with `scope: 'run'`) and outlasted its
 * retries: the run pauses, and the cell it hit is not recorded. Internal to the harness.
 */
export class RunInfraPause extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunInfraPause';
  }

  static isPause(error: unknown): error is RunInfraPause {
    return error instanceof RunInfraPause;
  }
}

function isInfra(
  error: unknown,
): error is { message: string; isRetryable: boolean; retryAfterMs?: number; scope?: 'cell' | 'run' } {
  return InfraError.isInstance(error) || JudgeInfraError.isInstance(error);
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls `work`, retrying infra errors (worker `InfraError`, judge `JudgeInfraError`) with exponential
 * backoff, or the provider's retry-after when the error carries one. One that persists, or is not
 * retryable, becomes a `CellInfraFailure` — or a `RunInfraPause` when it reaches every cell
 * (`scope: 'run'`). Any other error passes through untouched.
 */
export async function withInfraRetries<T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal,
): Promise<T> {
  const sleep = policy.sleep ?? abortableSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isInfra(error)) throw error;
      if (!error.isRetryable || attempt >= policy.retries || signal.aborted) {
        const message = error.message.slice(0, 10_000) || 'infra error';
        if (error.scope === 'run' && !signal.aborted) throw new RunInfraPause(message);
        throw new CellInfraFailure({ error: message, retries: attempt });
      }
      await sleep(error.retryAfterMs ?? policy.backoffMs * 2 ** attempt, signal);
    }
  }
}
