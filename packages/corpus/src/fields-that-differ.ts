import { canonicalJson } from './canonical-json';
import type { JsonValue } from './common-schemas';

/** Top-level fields whose values differ between two records, sorted; empty when either is no object. */
export function fieldsThatDiffer(before: JsonValue, after: JsonValue, ignore: readonly string[] = []): string[] {
  if (!isObject(before) || !isObject(after)) return [];
  const text = (value: JsonValue | undefined) => (value === undefined ? undefined : canonicalJson(value));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !ignore.includes(key) && text(before[key]) !== text(after[key]))
    .sort();
}

const isObject = (value: JsonValue): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
