import type { JsonValue } from '@ratchet/corpus';
import type { ControllerParameters } from '@ratchet/runtime';
import type { Rng } from '@ratchet/stats';
import type { z } from 'zod';
import { parameterSpaceOf, type SchemaNode, valueSpaceOf } from './parameter-space';

/** Chance a nullable slot is drawn as null. */
const nullShare = 0.2;

/**
 * A value drawn uniformly from a slot's space: integers and bounded numbers uniformly over their range
 * (log-uniformly when the range is positive and spans two orders of magnitude or more), enums and
 * booleans uniformly, nullable slots null one time in five, maps over a known key set with each key
 * present half the time. Undefined where the space has no bounds to draw from (text, unbounded
 * numbers, open maps, unions): the caller keeps the value it had.
 */
export function uniformValue(node: SchemaNode, random: Rng): JsonValue | undefined {
  const space = valueSpaceOf(node);
  switch (space.kind) {
    case 'number': {
      const { lo, hi, integer } = space.number;
      if (lo === undefined || hi === undefined || hi < lo) return undefined;
      if (integer) return Math.ceil(lo) + random.int(Math.floor(hi) - Math.ceil(lo) + 1);
      if (lo > 0 && hi / lo >= 100) return Math.exp(Math.log(lo) + random.next() * (Math.log(hi) - Math.log(lo)));
      return lo + random.next() * (hi - lo);
    }
    case 'enum':
      return space.values[random.int(space.values.length)];
    case 'boolean':
      return random.next() < 0.5;
    case 'nullable':
      return random.next() < nullShare ? null : uniformValue(space.inner, random);
    case 'map': {
      if (space.names === null) return undefined;
      const entries: Record<string, JsonValue> = {};
      for (const name of space.names) {
        if (!space.required.has(name) && random.next() < 0.5) continue;
        const value = uniformValue(space.values, random);
        if (value === undefined) return undefined;
        entries[name] = value;
      }
      return entries;
    }
    case 'object': {
      const fields: Record<string, JsonValue> = {};
      for (const [key, child] of Object.entries(space.properties)) {
        const value = uniformValue(child, random);
        if (value === undefined) return undefined;
        fields[key] = value;
      }
      return fields;
    }
    default:
      return undefined;
  }
}

/**
 * Parameters drawn uniformly from a controller's space, component by component (what random search
 * samples); a component with nothing to draw from keeps `base`'s value. Draws that the schema refuses
 * (a `.refine` JSON Schema cannot state) are drawn again, up to `maxDraws`; null when none passed.
 */
export function uniformParameters(
  schema: z.ZodType,
  base: Readonly<ControllerParameters>,
  random: Rng,
  maxDraws = 50,
): ControllerParameters | null {
  const properties = parameterSpaceOf(schema).properties ?? {};
  for (let draw = 0; draw < maxDraws; draw++) {
    const next: Record<string, JsonValue> = { ...base };
    for (const key of Object.keys(base).sort()) {
      const node = properties[key];
      const value = node === undefined ? undefined : uniformValue(node, random);
      if (value !== undefined) next[key] = value;
    }
    const parsed = schema.safeParse(next);
    if (parsed.success) return parsed.data as ControllerParameters;
  }
  return null;
}
