/**
 * A canonical JSON text for a value: object keys sorted at every depth, so two values that are equal as
 * JSON give the same text (`{a:1,b:2}` and `{b:2,a:1}`). `undefined` inside objects is dropped, as
 * `JSON.stringify` does; a value JSON cannot represent (a function, a bigint) gives `undefined`.
 *
 * @example
 * canonicalJson({ b: [2, { d: 1, c: 0 }], a: 'x' }); // => '{"a":"x","b":[2,{"c":0,"d":1}]}'
 */
export function canonicalJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
