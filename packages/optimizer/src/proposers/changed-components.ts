import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import type { ControllerParameters } from '@ratchet/runtime';
import { componentsOf } from '../candidate';

/** Whether two component values are the same JSON (key order ignored); absent equals only absent. */
export function sameValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The components whose values differ between two parameter sets (a key present in one only counts), in
 * `componentsOf` order.
 *
 * @example
 * changedComponents({ a: 1, b: { x: 1, y: 2 } }, { a: 2, b: { y: 2, x: 1 } }); // => ['a']
 */
export function changedComponents(from: Readonly<ControllerParameters>, to: Readonly<ControllerParameters>): string[] {
  return componentsOf({ ...from, ...to }).filter((key) => !sameValue(from[key], to[key]));
}
