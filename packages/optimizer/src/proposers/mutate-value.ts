import type { JsonValue } from '@ratchet/corpus';
import type { Rng } from '@ratchet/stats';
import { matchesType, type SchemaNode, type ValueSpace, valueSpaceOf } from './parameter-space';
import { canStepNumber, freshNumber, stepNumber } from './step-number';

/** How big a step is and where its randomness comes from. */
export interface MutationSettings {
  readonly stepScale: number;
  /** Chance that a nullable value with a value is set to null (from null, a value is always drawn). */
  readonly nullRate: number;
  readonly random: Rng;
}

type JsonObject = { readonly [key: string]: JsonValue };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pick<T>(items: readonly T[], random: Rng): T {
  return items[random.int(items.length)] as T;
}

/** Why `value` under `node` cannot be stepped, or null when it can. */
export function immutableReason(node: SchemaNode, value: JsonValue | undefined): string | null {
  const space = valueSpaceOf(node);
  switch (space.kind) {
    case 'fixed':
      return space.why;
    case 'number':
      if (typeof value !== 'number') return value === undefined ? null : 'holds a value that is not a number';
      return canStepNumber(value, space.number) ? null : 'allows one value only';
    case 'nullable': {
      // Null and back is a move of its own, except for nullable text: that is still text.
      const inner = valueSpaceOf(space.inner);
      return inner.kind === 'fixed' ? inner.why : null;
    }
    case 'union': {
      const branch = space.branches.find((candidate) => value !== undefined && matchesType(value, candidate));
      return branch === undefined ? 'holds a value no branch of its union matches' : immutableReason(branch, value);
    }
    case 'object': {
      const entries = Object.entries(space.properties);
      const movable = entries.some(
        ([key, child]) => immutableReason(child, isObject(value) ? value[key] : undefined) === null,
      );
      return movable ? null : 'has no field a parametric step can move';
    }
    case 'map':
      return mapMoves(space, isObject(value) ? value : {}).length > 0 ? null : 'has no entry to re-weight, add or drop';
    default:
      return null;
  }
}

/**
 * A new value for a slot that had none: a number one step from the middle of its range, any enum
 * value, either boolean, a map with one fresh entry, an object of fresh fields; undefined when the
 * space cannot make one (text, a union).
 */
export function freshValue(node: SchemaNode, settings: MutationSettings): JsonValue | undefined {
  const space = valueSpaceOf(node);
  switch (space.kind) {
    case 'number':
      return freshNumber(space.number, settings.stepScale, settings.random);
    case 'enum':
      return pick(space.values, settings.random);
    case 'boolean':
      return settings.random.next() < 0.5;
    case 'nullable':
      return freshValue(space.inner, settings);
    case 'map':
      return mutateMap(space, {}, settings);
    case 'object': {
      const fields: Record<string, JsonValue> = {};
      for (const [key, child] of Object.entries(space.properties)) {
        const fresh = freshValue(child, settings);
        if (fresh === undefined) return undefined;
        fields[key] = fresh;
      }
      return fields;
    }
    default:
      return undefined;
  }
}

type MapSpace = Extract<ValueSpace, { kind: 'map' }>;
type MapMove = 'reweight' | 'add' | 'drop';

function mapMoves(space: MapSpace, value: JsonObject): MapMove[] {
  const keys = Object.keys(value);
  const moves: MapMove[] = [];
  // Re-weighting is listed twice: the common move, as GEPA's mutation mostly tunes what is there.
  if (keys.some((key) => immutableReason(space.values, value[key]) === null)) moves.push('reweight', 'reweight');
  if ((space.names ?? []).some((name) => !(name in value)) && immutableReason(space.values, undefined) === null) {
    moves.push('add');
  }
  if (keys.some((key) => !space.required.has(key))) moves.push('drop');
  return moves;
}

/**
 * Re-weights some entries of a map (each with chance ½, at least one: a log-normal factor for a
 * positive multiplier), adds a key it lacks, or drops one it need not have.
 */
function mutateMap(space: MapSpace, value: JsonObject, settings: MutationSettings): JsonObject | undefined {
  const moves = mapMoves(space, value);
  if (moves.length === 0) return undefined;
  const { random } = settings;
  const move = pick(moves, random);
  const next: Record<string, JsonValue> = { ...value };
  if (move === 'add') {
    const absent = (space.names ?? []).filter((candidate) => !(candidate in value));
    const fresh = freshValue(space.values, settings);
    if (fresh !== undefined) next[pick(absent, random)] = fresh;
    return next;
  }
  const keys = Object.keys(value);
  if (move === 'drop') {
    const droppable = keys.filter((key) => !space.required.has(key));
    delete next[pick(droppable, random)];
    return next;
  }
  const movable = keys.filter((key) => immutableReason(space.values, value[key]) === null);
  let chosen = movable.filter(() => random.next() < 0.5);
  if (chosen.length === 0) chosen = [pick(movable, random)];
  for (const key of chosen) {
    const stepped = mutateValue(space.values, value[key], settings);
    if (stepped !== undefined) next[key] = stepped;
  }
  return next;
}

/**
 * One parametric step of `value` within `node`'s space: numbers by a Gaussian step (see
 * `stepNumber`), enums to another value, booleans flipped, nullable values sometimes to or from null,
 * maps re-weighted or given or relieved of a key, objects by a step of one of their fields. Undefined
 * when the space has nothing to step (text, a constant).
 */
export function mutateValue(
  node: SchemaNode,
  value: JsonValue | undefined,
  settings: MutationSettings,
): JsonValue | undefined {
  if (value === undefined) return freshValue(node, settings);
  const space = valueSpaceOf(node);
  const { random } = settings;
  switch (space.kind) {
    case 'number':
      return typeof value === 'number' ? stepNumber(value, space.number, settings.stepScale, random) : undefined;
    case 'enum': {
      const others = space.values.filter((allowed) => allowed !== value);
      return others.length === 0 ? undefined : pick(others, random);
    }
    case 'boolean':
      return typeof value === 'boolean' ? !value : undefined;
    case 'nullable': {
      if (value === null) return freshValue(space.inner, settings);
      const canStep = immutableReason(space.inner, value) === null;
      return !canStep || random.next() < settings.nullRate ? null : mutateValue(space.inner, value, settings);
    }
    case 'union': {
      const branch = space.branches.find((candidate) => matchesType(value, candidate));
      return branch === undefined ? undefined : mutateValue(branch, value, settings);
    }
    case 'object': {
      if (!isObject(value)) return undefined;
      const movable = Object.keys(space.properties).filter(
        (key) => immutableReason(space.properties[key] as SchemaNode, value[key]) === null,
      );
      if (movable.length === 0) return undefined;
      const key = pick(movable, random);
      const stepped = mutateValue(space.properties[key] as SchemaNode, value[key], settings);
      return stepped === undefined ? undefined : { ...value, [key]: stepped };
    }
    case 'map':
      return isObject(value) ? mutateMap(space, value, settings) : undefined;
    default:
      return undefined;
  }
}
