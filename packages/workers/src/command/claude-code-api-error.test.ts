import { describe, expect, it } from 'vitest';
import { type ClaudeCodeApiError, claudeCodeFailureKind } from './claude-code-api-error';
import type { ProviderFailureKind } from './event-stream-parser';

describe('claudeCodeFailureKind', () => {
  // The first rows are the fields Claude Code 2.1.328 printed against the mock model API.
  it.each<[string, ClaudeCodeApiError, ProviderFailureKind | null]>([
    ['401', { error: 'authentication_failed', status: 401, apiErrorType: 'authentication_error' }, 'credentials'],
    ['no key at all', { error: 'authentication_failed', status: null }, 'credentials'],
    ['credit balance too low (400)', { error: 'billing_error', status: 400 }, 'billing'],
    ['429', { error: 'rate_limit', status: 429, apiErrorType: 'rate_limit_error' }, 'rate-limit'],
    ['529', { error: 'server_error', status: 529, apiErrorType: 'overloaded_error' }, 'overloaded'],
    ['529 while retrying', { error: 'overloaded', status: 529 }, 'overloaded'],
    ['500', { error: 'server_error', status: 500, apiErrorType: 'api_error' }, 'server'],
    ['a dropped connection', { error: 'server_error', status: null, apiError: 'connection_failed' }, 'network'],
    ['a timeout', { error: 'server_error', status: null }, 'network'],
    ['no response while retrying', { error: 'unknown', status: null }, 'network'],
    ['400', { error: 'unknown', status: 400, apiErrorType: 'invalid_request_error' }, 'request'],
    ['an unknown model', { error: 'model_not_found', status: 404 }, 'request'],
    [
      'a login the gateway refused',
      { error: 'unknown', status: 403, apiError: 'gateway_session_expired' },
      'credentials',
    ],
    ['a plan usage limit', { error: 'rate_limit', status: 429, apiError: 'usage_limit_reached' }, 'rate-limit'],
    ['402', { error: 'unknown', status: 402 }, 'billing'],
    ['503', { error: 'unknown', status: 503 }, 'overloaded'],
    ['a context overflow', { error: 'invalid_request', status: 400, apiError: 'message_over_context_limit' }, null],
    ['the output token limit', { error: 'max_output_tokens', status: null }, null],
  ])('%s', (_name, apiError, kind) => {
    expect(claudeCodeFailureKind(apiError)).toBe(kind);
  });
});
