import type { JsonValue } from './common-schemas';

/**
 * The canonical JSON text of a value: object keys sorted (by UTF-16 code unit) at every depth and no
 * whitespace, so two values equal as JSON always give the same text, whatever order their keys were
 * written in. Hash it to get a content hash; compare it to tell equal records. Keys whose value is
 * `undefined` are left out, as `JSON.stringify` does: an optional field absent and one set to
 * `undefined` are the same record.
 *
 * @example
 * canonicalJson({ b: [2, { d: 1, c: 0 }], a: 'x' }); // => '{"a":"x","b":[2,{"c":0,"d":1}]}'
 */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
