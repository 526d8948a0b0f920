import type { JsonValue } from '@ratchet/corpus';

/** Environment variable names whose values are secrets. */
const secretName = /(_KEY|_TOKEN|_SECRET|_APIKEY)$|PASSWORD|^(API_KEY|TOKEN|SECRET)$/i;

/** Common credential shapes, found even when the value never passed through the environment. */
export const credentialPatterns: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
  /\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{30,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{40,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /\b[Bb]earer\s+[A-Za-z0-9._~+/-]{20,}=*/g,
];

export const redactedMarker = '[REDACTED]';

/** The values of the secret-looking variables in `env` (at least 4 characters, longest first). */
export function secretValues(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => secretName.test(name) && typeof value === 'string' && value.length >= 4)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length);
}

/**
 * Replaces every secret value and credential-shaped string in `text` with `[REDACTED]`.
 *
 * @example
 * redactText('key=sk-abc…xyz', { secrets: [] }); // => 'key=[REDACTED]'
 */
export function redactText(text: string, options: { secrets: readonly string[] }): string {
  let result = text;
  for (const secret of options.secrets) result = result.split(secret).join(redactedMarker);
  for (const pattern of credentialPatterns) result = result.replace(pattern, redactedMarker);
  return result;
}

/** Redacts every string in a JSON value, keys included. */
export function redactJson(value: JsonValue, options: { secrets: readonly string[] }): JsonValue {
  if (typeof value === 'string') return redactText(value, options);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, options));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactText(key, options), redactJson(item, options)]),
    );
  }
  return value;
}
