import { InfraError } from '../contracts/infra-error';
import type { AttemptResult } from '../contracts/worker';

/**
 * What a worker's throw becomes: an InfraError or an abort passes through (the harness handles those);
 * anything else is the agent's outcome, a failed attempt with the error in its trace.
 */
export function agentFailure(error: unknown): AttemptResult {
  if (InfraError.isInstance(error) || (error as Error)?.name === 'AbortError') throw error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    output: null,
    events: [{ type: 'error', data: message.slice(0, 2000) }],
    usage: { turns: null, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
  };
}
