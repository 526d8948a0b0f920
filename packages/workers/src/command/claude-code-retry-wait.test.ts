import { describe, expect, it } from 'vitest';
import { claudeCodeProviderWait } from './claude-code-retry-wait';

describe('claudeCodeProviderWait', () => {
  // Waits Claude Code 2.1.328 printed against the mock (fixtures/claude-code-2.1.328-*.jsonl and the
  // conformance runs): its own backoff for a 401, a 529 or a dropped connection; retry-after: 2 or 3 for a 429.
  it.each([
    [1, 617, null],
    [2, 1236, null],
    [3, 2425, null],
    [6, 19_849, null],
    [8, 39_970, null],
    [1, 2302, 2302],
    [2, 2194, 2194],
    [1, 3147, 3147],
  ])('attempt %i, waited %i ms → %s', (attempt, delayMs, asked) => {
    expect(claudeCodeProviderWait(attempt, delayMs)).toBe(asked);
  });

  it('misses a retry-after shorter than the backoff of a late attempt', () => {
    expect(claudeCodeProviderWait(3, 2218)).toBeNull();
  });
});
