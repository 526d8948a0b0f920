/**
 * How long a provider asked us to wait, from `retry-after-ms` (milliseconds) or `retry-after`
 * (seconds, or an HTTP date); undefined when neither header is there or readable.
 *
 * @example
 * retryAfterMs({ 'retry-after': '7' }); // => 7000
 */
export function retryAfterMs(
  headers: Readonly<Record<string, string | undefined>> | undefined,
  now: () => number = Date.now,
): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const milliseconds = Number.parseFloat(lower['retry-after-ms'] ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  const after = lower['retry-after']?.trim();
  if (!after) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now());
}
