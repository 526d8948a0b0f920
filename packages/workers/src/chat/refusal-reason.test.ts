import { APICallError } from 'ai';
import { describe, expect, it } from 'vitest';
import { refusalReason } from './refusal-reason';

const refused = (statusCode: number, message: string, responseBody?: string) =>
  new APICallError({
    message,
    url: 'https://api.example.com/v1/messages',
    requestBodyValues: {},
    statusCode,
    ...(responseBody === undefined ? {} : { responseBody }),
  });

describe('refusalReason', () => {
  it('reads billing from each provider’s words', () => {
    expect(refusalReason(refused(400, 'Your credit balance is too low to access the Anthropic API.'))).toBe('billing');
    expect(refusalReason(refused(402, 'Payment Required'))).toBe('billing');
    expect(refusalReason(refused(429, 'quota', '{"error":{"code":"insufficient_quota"}}'))).toBe('billing');
    expect(refusalReason(refused(400, 'You have reached your specified workspace API usage limits'))).toBe('billing');
    expect(refusalReason(refused(429, 'Your organization reached its spend limit'))).toBe('billing');
  });

  it('reads a request too long for the context', () => {
    expect(refusalReason(refused(400, 'prompt is too long: 210000 tokens > 200000 maximum'))).toBe('too-long');
    expect(refusalReason(refused(400, 'x', '{"error":{"code":"context_length_exceeded"}}'))).toBe('too-long');
    expect(refusalReason(refused(413, 'Request Entity Too Large'))).toBe('too-long');
  });

  it('finds no reason in a rate limit, a bad key or a server error', () => {
    expect(
      refusalReason(refused(429, 'Rate limit reached for requests', '{"error":{"code":"rate_limit_exceeded"}}')),
    ).toBe(undefined);
    expect(refusalReason(refused(401, 'invalid x-api-key'))).toBeUndefined();
    // A 5xx is never read as billing, whatever its text says.
    expect(refusalReason(refused(500, 'billing service unavailable'))).toBeUndefined();
  });
});
