import type { ProviderFailureKind } from './event-stream-parser';

/** What Claude Code says about an API error: on an assistant line, or on a `system/api_retry` line. */
export interface ClaudeCodeApiError {
  /** `error`: its category (`authentication_failed`, `billing_error`, `rate_limit`, `server_error`, `unknown`, …). */
  readonly error: string | null;
  /** `api_error_status` (`error_status` on `api_retry`): the HTTP status; null when no response came. */
  readonly status: number | null;
  /** `api_error`: the typed cause, when it has one (`connection_failed`, `stream_idle_timeout`, …). */
  readonly apiError?: string | null;
  /** `api_error_type`: the provider's own error type (`overloaded_error`, `invalid_request_error`, …). */
  readonly apiErrorType?: string | null;
}

/**
 * Causes (`api_error`) that belong to this conversation, not to the provider: the model's answer or
 * the agent's own history was refused, which another cell would not repeat. Such an error is the
 * agent's outcome.
 */
const conversationCauses = new Set([
  'max_output_tokens',
  'dlp_request_denied',
  'safety_monitor_blocked',
  'hook_denied',
  'tool_history_mismatch',
  'autocompact_thrashing',
  'pdf_too_large',
  'pdf_password_protected',
  'media_removed',
  'empty_completion',
  'malformed_tool_use_exhausted',
  'message_over_context_limit',
]);

/** Causes that name the failure better than the category does (`server_error` covers a dropped connection). */
const causeKinds: Readonly<Record<string, ProviderFailureKind>> = {
  no_response: 'network',
  connection_failed: 'network',
  stream_idle_timeout: 'network',
  computer_slept: 'network',
  tls_untrusted_ca: 'network',
  tls_cert_signature_failure: 'network',
  gateway_content_type: 'network',
  network_edge_blocked: 'network',
  stored_login_refused: 'credentials',
  provider_credentials: 'credentials',
  gateway_signin_required: 'credentials',
  gateway_session_expired: 'credentials',
  api_key_auth_disabled: 'credentials',
  org_disabled_credential: 'credentials',
  invalid_credential_header: 'credentials',
  model_requires_usage_credits: 'billing',
  long_context_credits_required: 'billing',
  usage_limit_reached: 'rate-limit',
  claude_code_version_too_old: 'request',
};

/** Categories (`error`) that say the kind whatever the status. */
const categoryKinds: Readonly<Record<string, ProviderFailureKind>> = {
  authentication_failed: 'credentials',
  oauth_org_not_allowed: 'credentials',
  verification_required: 'credentials',
  cloud_credential_error: 'credentials',
  billing_error: 'billing',
  account_on_hold: 'billing',
  rate_limit: 'rate-limit',
  overloaded: 'overloaded',
  invalid_request: 'request',
  model_not_found: 'request',
};

/**
 * The kind of provider failure a Claude Code API error is, or null when it is not the provider's (the
 * model ran out of output tokens, the conversation outgrew the context: the agent's outcome). Read in
 * order: the typed cause (`api_error`), the category (`error`), then the HTTP status. A `server_error`
 * or `unknown` with no status got no usable response (a dropped or refused connection, a timeout, a
 * body that was not JSON, which is a proxy or base URL as often as the provider): `network`. Claude
 * Code 2.1.328 reports a 529 as `server_error`, with `api_error_type` `overloaded_error`.
 *
 * @example
 * claudeCodeFailureKind({ error: 'server_error', status: null, apiError: 'connection_failed' }); // => 'network'
 * claudeCodeFailureKind({ error: 'unknown', status: 400, apiErrorType: 'invalid_request_error' }); // => 'request'
 */
export function claudeCodeFailureKind(apiError: ClaudeCodeApiError): ProviderFailureKind | null {
  const cause = apiError.apiError ?? null;
  if (cause !== null && conversationCauses.has(cause)) return null;
  if (apiError.error === 'max_output_tokens') return null;
  const byCause = cause === null ? undefined : causeKinds[cause];
  if (byCause !== undefined) return byCause;
  const byCategory = apiError.error === null ? undefined : categoryKinds[apiError.error];
  if (byCategory !== undefined) return byCategory;
  const { status } = apiError;
  if (status === null) return apiError.error === 'server_error' || apiError.error === 'unknown' ? 'network' : null;
  if (status === 529 || status === 503 || apiError.apiErrorType === 'overloaded_error') return 'overloaded';
  if (status === 401 || status === 403) return 'credentials';
  if (status === 402) return 'billing';
  if (status === 429) return 'rate-limit';
  if (status >= 500) return 'server';
  if (status >= 400) return 'request';
  return null;
}
