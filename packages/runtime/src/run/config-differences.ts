import { canonicalJson, type JsonValue } from '@ratchet/corpus';

const isObject = (value: JsonValue): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every leaf where two resolved configurations differ, as `path: before → after` (JSON values; a side
 * that lacks the field shows `(absent)`). Objects are compared key by key; arrays as whole values when
 * their lengths differ, else element by element. Long values are shortened so a line stays readable.
 *
 * @example
 * configDifferences({ judge: { tolerance: 0 } }, { judge: { tolerance: 0.01 } }); // => ['judge.tolerance: 0 → 0.01']
 */
export function configDifferences(before: JsonValue | undefined, after: JsonValue | undefined, path = ''): string[] {
  if (before !== undefined && after !== undefined && canonicalJson(before) === canonicalJson(after)) return [];
  if (before !== undefined && after !== undefined && isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => configDifferences(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => configDifferences(item, after[i], `${path}[${i}]`));
  }
  return [`${path || '(config)'}: ${shown(before)} → ${shown(after)}`];
}

function shown(value: JsonValue | undefined): string {
  if (value === undefined) return '(absent)';
  const text = canonicalJson(value);
  return text.length > 120 ? `${text.slice(0, 100)}… (${text.length} chars)` : text;
}
