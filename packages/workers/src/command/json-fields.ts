import type { JsonValue } from '@ratchet/corpus';

/** A JSON object, as an agent's event stream delivers it. */
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses one line of a JSON Lines stream. Returns null for a blank line, text that is not JSON, or
 * JSON that is not an object: the caller keeps those as log text instead of failing the attempt.
 */
export function parseJsonLine(line: string): JsonObject | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** `value[key]` when it is a string, else null. */
export function stringField(value: JsonValue | undefined, key: string): string | null {
  if (!isJsonObject(value)) return null;
  const field = value[key];
  return typeof field === 'string' ? field : null;
}

/** `value[key]` when it is a finite, non-negative number, else null (never a guessed 0). */
export function countField(value: JsonValue | undefined, key: string): number | null {
  if (!isJsonObject(value)) return null;
  const field = value[key];
  return typeof field === 'number' && Number.isFinite(field) && field >= 0 ? field : null;
}

/** `value[key]` when it is an object, else null. */
export function objectField(value: JsonValue | undefined, key: string): JsonObject | null {
  if (!isJsonObject(value)) return null;
  const field = value[key];
  return isJsonObject(field) ? field : null;
}

/** `value[key]` when it is an array, else an empty array. */
export function arrayField(value: JsonValue | undefined, key: string): readonly JsonValue[] {
  if (!isJsonObject(value)) return [];
  const field = value[key];
  return Array.isArray(field) ? field : [];
}
