import { describe, expect, it } from 'vitest';
import { detectRateLimit } from './detect-rate-limit';

describe('detectRateLimit', () => {
  it.each([
    ['API Error: 429 {"type":"error","error":{"type":"rate_limit_error"}}'],
    ['API Error: 529 {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}'],
    ['exceeded retry limit, last status: 429 Too Many Requests'],
    ['litellm.RateLimitError: VertexAIException - RESOURCE_EXHAUSTED'],
    ['Claude AI usage limit reached|1753088400'],
    ['HTTP 429'],
  ])('recognises %s', (text) => {
    expect(detectRateLimit([text], 0)).not.toBeNull();
  });

  it.each([
    ['TypeError: cannot read line 429 of input'],
    ['Error: tests failed: 3 of 529'],
    ['the agent exited with code 1'],
  ])('does not mistake %s for a rate limit', (text) => {
    expect(detectRateLimit([text])).toBeNull();
  });

  it('returns the matching line, trimmed', () => {
    expect(detectRateLimit(['starting\n  Rate limit exceeded  \nbye'])?.message).toBe('Rate limit exceeded');
  });

  it.each([
    ['Rate limit reached for gpt-4o. Please try again in 20s.', 20_000],
    ['Rate limit reached. Please try again in 1m20.5s.', 80_500],
    ['rate limit: please try again in 6ms', 6],
    ['429 Too Many Requests; retry-after: 30', 30_000],
    ['Overloaded. Retry-After: 1500 ms', 1500],
    ['Rate limited. Try again in 2 minutes.', 120_000],
  ])('reads the wait in %s', (text, ms) => {
    expect(detectRateLimit([text])?.retryAfterMs).toBe(ms);
  });

  it("reads Claude Code's reset time as a wait from now", () => {
    // 1753088400 s is the reset time Claude Code printed; 1753088000000 ms is 400 s before it.
    expect(detectRateLimit(['Claude AI usage limit reached|1753088400'], 1_753_088_000_000)?.retryAfterMs).toBe(
      400_000,
    );
  });

  it('leaves the wait undefined when the text names none', () => {
    expect(detectRateLimit(['overloaded_error'])).toEqual({ message: 'overloaded_error', retryAfterMs: undefined });
  });
});
