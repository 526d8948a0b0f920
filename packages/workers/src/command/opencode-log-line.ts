/** `key=value` or `key="quoted, with \"escapes\""`. */
const field = /([^\s=]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

/**
 * The fields of one line of opencode's log (`--print-logs`), e.g.
 * `timestamp=2026-12-01T08:27:35.375Z level=ERROR run=66a3d518 message="stream error" … error.error="AI_APICallError: Incorrect API key provided."`:
 * logfmt, quoted values escaped as JSON strings. Null for a line that is not a log line (no
 * `timestamp` and `level`), such as a stack trace or another program's output.
 *
 * @example
 * readOpencodeLogLine('timestamp=2026-12-01T08:27:35.375Z level=ERROR message="stream error" error.error="AI_APICallError: Bad key"')
 * // => { timestamp: '2026-12-01T08:27:35.375Z', level: 'ERROR', message: 'stream error', 'error.error': 'AI_APICallError: Bad key' }
 */
export function readOpencodeLogLine(line: string): Record<string, string> | null {
  const fields: Record<string, string> = {};
  for (const [, key = '', raw = ''] of line.matchAll(field)) fields[key] = unquote(raw);
  return fields.timestamp === undefined || fields.level === undefined ? null : fields;
}

function unquote(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw.slice(1, -1);
  }
}

/**
 * An error text from opencode as a user should read it: without the error class in front
 * (`AI_APICallError: `), the `(cause: …)` opencode's log appends, and Bun's advice to pass
 * `verbose: true` to fetch(), which a user of opencode cannot do.
 *
 * @example
 * opencodeErrorText('AI_APICallError: Cannot connect to API: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch() (cause: Error: …)')
 * // => 'Cannot connect to API: The socket connection was closed unexpectedly.'
 */
export function opencodeErrorText(text: string): string {
  return text
    .replace(/^\w*Error: /, '')
    .replace(/ \(cause: [\s\S]*\)$/, '')
    .replace(/ For more information, pass `verbose: true` in the second argument to fetch\(\)/, '')
    .trim();
}
