import { describe, expect, it } from 'vitest';
import type { ProviderFailureKind } from './event-stream-parser';
import { providerFailureError } from './provider-failure-error';

const context = { workerId: 'codex', command: 'codex exec --json -- …' };

describe('providerFailureError', () => {
  it.each<[ProviderFailureKind, string, boolean]>([
    ['credentials', 'credentials', false],
    ['billing', 'billing', false],
    ['request', 'request-refused', false],
    ['rate-limit', 'rate-limited', true],
    ['overloaded', 'overloaded', true],
    ['server', 'server-error', true],
    ['network', 'unreachable', true],
  ])('makes a %s failure a run-wide %s error, retryable: %s', (kind, reason, isRetryable) => {
    const error = providerFailureError({ kind, message: 'x' }, context);
    expect(error).toMatchObject({ name: 'InfraError', reason, isRetryable, scope: 'run', command: context.command });
  });

  it("uses the preset's hint for the kind, and a general one where it has none", () => {
    const hints = { credentials: 'set CODEX_API_KEY or run `codex login`' };
    const refused = { kind: 'credentials' as const, message: 'unexpected status 401 Unauthorized', status: 401 };
    expect(providerFailureError(refused, { ...context, hints }).message).toBe(
      'codex: the provider refused its credentials (HTTP 401): unexpected status 401 Unauthorized. ' +
        'To fix: set CODEX_API_KEY or run `codex login`.',
    );
    expect(providerFailureError({ kind: 'billing', message: '' }, { ...context, hints }).message).toBe(
      'codex: the provider refused it for billing. To fix: add credit or raise the spending limit of the account the CLI uses.',
    );
  });

  it("keeps the first line of the CLI's message, at most 300 characters", () => {
    const long = `\n${'x'.repeat(400)}\nsecond line`;
    const message = providerFailureError({ kind: 'server', message: long }, context).message;
    expect(message).toBe(
      `codex: the provider failed with a server error: ${'x'.repeat(300)}…. To fix: wait and resume the run; the provider's status page may say more.`,
    );
  });

  it('carries the wait the provider asked for', () => {
    const limited = providerFailureError({ kind: 'rate-limit', message: 'slow down', retryAfterMs: 7000 }, context);
    expect(limited.retryAfterMs).toBe(7000);
    expect(providerFailureError({ kind: 'rate-limit', message: 'slow down' }, context).retryAfterMs).toBeUndefined();
  });
});
