import { InfraError } from '../contracts/infra-error';
import { InvalidSteerError } from '../contracts/invalid-steer-error';
import type { AttemptResult } from '../contracts/worker';

/**
 * What a worker's throw becomes: an InfraError or an abort passes through (the harness handles those);
 * anything else is the agent's outcome, a failed attempt with the error in its trace and its failure.
 */
export function agentFailure(error: unknown): AttemptResult {
  if (InfraError.isInstance(error) || InvalidSteerError.isInstance(error) || (error as Error)?.name === 'AbortError') {
    throw error;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    output: null,
    events: [{ type: 'error', data: message.slice(0, 2000) }],
    usage: { turns: null, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
    failure: { reason: 'error', message: message.slice(0, 2000) || 'the worker threw' },
  };
}

/**
 * What an analyst's throw becomes: the analyst is part of the harness, so its failure is infra. An
 * answer the analyst could not read (an error carrying `rawText`) is retryable, and its raw text is
 * kept in the record's infra error; any other non-infra error is not retried.
 */
export function analystFailure(error: unknown): never {
  if (InfraError.isInstance(error) || (error as Error)?.name === 'AbortError') throw error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const rawText = (error as { rawText?: unknown } | null)?.rawText;
  const raw = typeof rawText === 'string' ? ` (raw answer: ${rawText.slice(0, 2000)})` : '';
  throw new InfraError(`analyst failed: ${message}${raw}`, { isRetryable: typeof rawText === 'string', cause: error });
}
