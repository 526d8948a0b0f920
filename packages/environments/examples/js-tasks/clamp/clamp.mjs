/** Returns `value` limited to the range [min, max]. */
export function clamp(value, min, max) {
  throw new Error(`clamp(${value}, ${min}, ${max}) is not implemented yet`);
}
