import { CommandWorkerError, type CommandWorkerFailure } from './command-worker-error';
import type { AgentActivity, ProviderFailure, ProviderFailureKind } from './event-stream-parser';

/** What to tell the user to do about each kind of provider failure: a preset names its CLI's keys and commands. */
export type FailureHints = Readonly<Partial<Record<ProviderFailureKind, string>>>;

/** Characters of the CLI's own message kept in the error: one line, not a response body. */
const maxMessageChars = 300;

/**
 * Each kind, by what it means for the run. All of them reach every cell (`scope: 'run'`): the run
 * pauses at once when the failure is not retryable, and after the runtime's retries when it is.
 */
const kinds: Record<
  ProviderFailureKind,
  { reason: CommandWorkerFailure; isRetryable: boolean; what: string; fix: string }
> = {
  credentials: {
    reason: 'credentials',
    isRetryable: false,
    what: 'the provider refused its credentials',
    fix: 'set the API key the CLI reads or log the CLI in',
  },
  billing: {
    reason: 'billing',
    isRetryable: false,
    what: 'the provider refused it for billing',
    fix: 'add credit or raise the spending limit of the account the CLI uses',
  },
  request: {
    reason: 'request-refused',
    isRetryable: false,
    what: 'the provider refused the request itself',
    fix: 'check the model name (the `model` option) and the extra arguments',
  },
  'rate-limit': {
    reason: 'rate-limited',
    isRetryable: true,
    what: 'the provider rate-limited it',
    fix: 'wait for the limit to reset, or run fewer cells at once',
  },
  overloaded: {
    reason: 'overloaded',
    isRetryable: true,
    what: 'the provider is overloaded',
    fix: 'wait and resume the run',
  },
  server: {
    reason: 'server-error',
    isRetryable: true,
    what: 'the provider failed with a server error',
    fix: "wait and resume the run; the provider's status page may say more",
  },
  network: {
    reason: 'unreachable',
    isRetryable: true,
    what: 'the provider could not be reached',
    fix: 'check the network, any proxy (HTTPS_PROXY) and the base URL the CLI is given',
  },
};

/**
 * The error for an attempt its model provider failed: `scope: 'run'`, retryable by kind (rate limits,
 * overload, server and network failures are; credentials, billing and refused requests are not), with
 * the provider's wait when it named one. The message names the CLI, the failure, what the CLI said,
 * and what to do (the preset's hint for the kind, else a general one). With `stalledAt`, the agent was
 * killed at its time limit while retrying, and the message names what it was doing.
 *
 * @example
 * providerFailureError({ kind: 'credentials', message: 'Not logged in · Please run /login', status: 401 },
 *   { workerId: 'claude-code', command: 'claude -p …', hints: { credentials: 'set ANTHROPIC_API_KEY or run `claude auth login`' } }).message
 * // => 'claude-code: the provider refused its credentials (HTTP 401): Not logged in · Please run /login. To fix: set ANTHROPIC_API_KEY or run `claude auth login`.'
 */
export function providerFailureError(
  failure: ProviderFailure,
  context: {
    workerId: string;
    command: string;
    hints?: FailureHints;
    stalledAt?: { timeoutMs: number; activity: AgentActivity };
  },
): CommandWorkerError {
  const kind = kinds[failure.kind];
  const status = failure.status === undefined ? '' : ` (HTTP ${failure.status})`;
  const said = oneLine(failure.message);
  const stalled =
    context.stalledAt === undefined
      ? ''
      : `; it was still retrying at its time limit (timeoutMs ${context.stalledAt.timeoutMs} ms), last: ${context.stalledAt.activity.text}`;
  const fix = context.hints?.[failure.kind] ?? kind.fix;
  return new CommandWorkerError({
    reason: kind.reason,
    message: `${context.workerId}: ${kind.what}${status}${said === '' ? '' : `: ${said}`}${stalled}. To fix: ${fix}.`,
    command: context.command,
    isRetryable: kind.isRetryable,
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    scope: 'run',
    providerFailure: failure,
  });
}

function oneLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? '';
  const trimmed = line.trim().replace(/[.\s]+$/, '');
  return trimmed.length > maxMessageChars ? `${trimmed.slice(0, maxMessageChars)}…` : trimmed;
}
