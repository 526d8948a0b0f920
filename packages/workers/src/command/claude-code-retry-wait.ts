/** Claude Code 2.1.328's own backoff, as its `api_retry` lines show: 500 ms doubling per attempt, capped at 32 s. */
const baseMs = 500;
const capMs = 32_000;
/** The jitter it adds, up to a quarter of the backoff. */
const jitter = 0.25;

/**
 * The wait the provider asked for, read from a retry Claude Code announced, or null when the wait
 * could be Claude Code's own backoff. Claude Code prints no `retry-after`; it waits the longer of the
 * provider's `retry-after` and its backoff, so a wait longer than any backoff of that attempt can be
 * is the provider's (a short `retry-after` is missed, and the runtime backs off on its own instead).
 *
 * @param attempt `api_retry.attempt`, from 1.
 * @param delayMs `api_retry.retry_delay_ms`.
 * @example
 * claudeCodeProviderWait(1, 3147); // => 3147 (retry-after: 3)
 * claudeCodeProviderWait(2, 1131); // => null (within the backoff of a second attempt, 1000–1250 ms)
 */
export function claudeCodeProviderWait(attempt: number, delayMs: number): number | null {
  const backoff = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), capMs);
  return delayMs > backoff * (1 + jitter) ? delayMs : null;
}
