import type { Controller } from '@ratchet/runtime';

/**
 * A family's controller with `parameters` laid over its defaults: keys not given keep their default
 * (a nested object given replaces the default one whole). The result is validated by the
 * controller's schema, so an unknown key or a value out of bounds is refused.
 *
 * @throws {InvalidControllerError} naming each field the schema refuses.
 * @example
 * familyController(dslController, { depthIncrement: 2 }).parameters.maxDepthCap; // => 6 (the default)
 */
export function familyController(base: Controller, parameters: unknown): Controller {
  if (parameters === undefined) return base;
  const isObject = typeof parameters === 'object' && parameters !== null && !Array.isArray(parameters);
  return base.withParameters(isObject ? { ...base.parameters, ...parameters } : parameters);
}
