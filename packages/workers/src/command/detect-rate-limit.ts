/** What a rate-limit message said: that the provider refused for now, and when to try again if it said. */
export interface RateLimitHint {
  /** The line that matched, trimmed to 500 characters, for the error message. */
  readonly message: string;
  /** How long the provider asked to wait, when the text said; undefined otherwise. */
  readonly retryAfterMs: number | undefined;
}

/**
 * Phrases that mean "the provider refused for now". A bare number is too common in ordinary errors,
 * so 429 and 529 count only next to a word that makes them an HTTP status.
 */
const rateLimitPatterns = [
  /rate[\s_-]?limit/i,
  /too many requests/i,
  /\boverloaded/i,
  /resource[\s_]exhausted/i,
  /usage limit reached/i,
  /\b(?:http|status|code|error)\b[^\d\n]{0,20}\b(?:429|529)\b/i,
  /\b(?:429|529)\s+(?:too many requests|overloaded)/i,
];

/** A duration unit as providers write it (`ms`, `s`, `sec`, `seconds`, `m`, `min`, `minutes`, `h`, `hours`). */
const unit = `(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)(?![a-z])`;
const duration = new RegExp(String.raw`(\d+(?:\.\d+)?)\s*(${unit})`, 'gi');
const tryAgainIn = new RegExp(String.raw`(?:try|retry) again in\s+((?:\d+(?:\.\d+)?\s*${unit}\s*)+)`, 'i');

/**
 * Looks for a rate-limit or overload message in error texts an agent CLI reported and reads a wait
 * hint when there is one: `retry-after: 30`, `Please try again in 1m20s`, `try again in 6ms`, or
 * Claude Code's `usage limit reached|<reset epoch seconds>`. Returns null when no text matches.
 *
 * @param texts error texts (error events, failed results, stderr); only these are searched, never the
 *   agent's own answer, which may well discuss rate limits.
 * @param now the current time in ms, for reset times given as a date.
 * @example
 * detectRateLimit(['Rate limit reached for gpt-4o. Please try again in 20s.'])
 * // => { message: 'Rate limit reached for gpt-4o. Please try again in 20s.', retryAfterMs: 20000 }
 */
export function detectRateLimit(texts: readonly string[], now = Date.now()): RateLimitHint | null {
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (!rateLimitPatterns.some((pattern) => pattern.test(line))) continue;
      return { message: line.trim().slice(0, 500), retryAfterMs: retryAfterMs(texts.join('\n'), now) };
    }
  }
  return null;
}

function retryAfterMs(text: string, now: number): number | undefined {
  const resetAt = /usage limit reached\|(\d{9,11})\b/i.exec(text);
  if (resetAt?.[1] !== undefined) return Math.max(0, Number(resetAt[1]) * 1000 - now);
  const header = /retry[\s_-]after\b[^\d\n]{0,10}(\d+(?:\.\d+)?)\s*(ms|s|sec|secs|seconds?)?\b/i.exec(text);
  if (header?.[1] !== undefined) {
    return Math.round(Number(header[1]) * (header[2]?.toLowerCase() === 'ms' ? 1 : 1000));
  }
  const phrase = tryAgainIn.exec(text);
  return phrase?.[1] === undefined ? undefined : durationMs(phrase[1]);
}

/** `1m20.5s` → 80500; `6ms` → 6; `2 minutes` → 120000. */
function durationMs(text: string): number {
  let total = 0;
  for (const [, value, name = 's'] of text.matchAll(duration)) {
    total += Number(value) * unitMs(name.toLowerCase());
  }
  return Math.round(total);
}

function unitMs(name: string): number {
  if (name.startsWith('ms') || name.startsWith('milli')) return 1;
  if (name.startsWith('h')) return 3_600_000;
  if (name.startsWith('m')) return 60_000;
  return 1000;
}
