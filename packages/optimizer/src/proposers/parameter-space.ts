import type { JsonValue } from '@ratchet/corpus';
import { z } from 'zod';

/**
 * The part of a JSON Schema (draft 2020-12, as `z.toJSONSchema` writes it) that bounds a controller's
 * parameters. Read through JSON Schema rather than by walking `schema._zod.def`: `toJSONSchema` is
 * zod 4's documented, stable export of exactly these facts (bounds, enums, nullability, records'
 * key enums), while `_zod.def` is internal and has changed shape between minor versions. What JSON
 * Schema cannot say (a `.refine`) is still enforced: every draw is parsed by the schema itself.
 */
export interface SchemaNode {
  /** JSON Schema's own mark for a value the caller does not set: here, one a learner writes (a library). */
  readonly readOnly?: boolean;
  readonly type?: string | readonly string[];
  readonly enum?: readonly JsonValue[];
  readonly const?: JsonValue;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly multipleOf?: number;
  readonly anyOf?: readonly SchemaNode[];
  readonly oneOf?: readonly SchemaNode[];
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaNode | boolean;
  readonly propertyNames?: SchemaNode;
}

/** A number's bounds; `undefined` where the schema sets none (or only the safe-integer limits). */
export interface NumberSpace {
  readonly integer: boolean;
  readonly lo: number | undefined;
  readonly hi: number | undefined;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
  readonly multipleOf: number | undefined;
}

/** What kind of value a schema node admits, as far as a parametric step is concerned. */
export type ValueSpace =
  | { readonly kind: 'number'; readonly number: NumberSpace }
  | { readonly kind: 'enum'; readonly values: readonly JsonValue[] }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'nullable'; readonly inner: SchemaNode }
  | { readonly kind: 'union'; readonly branches: readonly SchemaNode[] }
  | { readonly kind: 'object'; readonly properties: Readonly<Record<string, SchemaNode>> }
  | {
      readonly kind: 'map';
      readonly values: SchemaNode;
      /** The keys the map may have (a `partialRecord` over an enum); null when any string is allowed. */
      readonly names: readonly string[] | null;
      readonly required: ReadonlySet<string>;
    }
  | { readonly kind: 'fixed'; readonly why: string };

const spaces = new WeakMap<z.ZodType, SchemaNode>();

/**
 * A controller schema's parameter space as JSON Schema, computed once per schema. Input types
 * (`io: 'input'`) because a proposal is what the schema will parse; parts JSON Schema cannot represent
 * become `{}`, which reads as a space with nothing to step.
 *
 * @throws whatever `z.toJSONSchema` throws for a schema it cannot convert (the caller reports it).
 */
export function parameterSpaceOf(schema: z.ZodType): SchemaNode {
  let space = spaces.get(schema);
  if (space === undefined) {
    space = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as SchemaNode;
    spaces.set(schema, space);
  }
  return space;
}

function finiteBound(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && Math.abs(value) < Number.MAX_SAFE_INTEGER ? value : undefined;
}

function numberSpaceOf(node: SchemaNode, integer: boolean): NumberSpace {
  const exclusiveLo = finiteBound(node.exclusiveMinimum);
  const exclusiveHi = finiteBound(node.exclusiveMaximum);
  const lo = finiteBound(node.minimum);
  const hi = finiteBound(node.maximum);
  const loOpen = exclusiveLo !== undefined && (lo === undefined || exclusiveLo >= lo);
  const hiOpen = exclusiveHi !== undefined && (hi === undefined || exclusiveHi <= hi);
  return {
    integer,
    lo: loOpen ? exclusiveLo : lo,
    hi: hiOpen ? exclusiveHi : hi,
    loOpen,
    hiOpen,
    multipleOf: node.multipleOf !== undefined && node.multipleOf > 0 ? node.multipleOf : undefined,
  };
}

function typesOf(node: SchemaNode): readonly string[] {
  return node.type === undefined ? [] : typeof node.type === 'string' ? [node.type] : node.type;
}

/** Classifies one node of a parameter space. */
export function valueSpaceOf(node: SchemaNode): ValueSpace {
  const branches = node.anyOf ?? node.oneOf;
  const types = typesOf(node);
  if (branches === undefined && types.length > 1) {
    return valueSpaceOf({ anyOf: types.map((type) => ({ ...node, type })) });
  }
  if (branches !== undefined) {
    const nonNull = branches.filter((branch) => !typesOf(branch).includes('null'));
    if (nonNull.length === branches.length - 1 && nonNull.length === 1 && nonNull[0] !== undefined) {
      return { kind: 'nullable', inner: nonNull[0] };
    }
    return { kind: 'union', branches };
  }
  if (node.readOnly === true)
    return { kind: 'fixed', why: 'is read-only: a learner writes it (learnFromCorpus), not a step' };
  if (node.const !== undefined) return { kind: 'fixed', why: 'allows one value only' };
  if (node.enum !== undefined) {
    return node.enum.length > 1 ? { kind: 'enum', values: node.enum } : { kind: 'fixed', why: 'allows one value only' };
  }
  const [type] = types;
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'number' || type === 'integer')
    return { kind: 'number', number: numberSpaceOf(node, type === 'integer') };
  if (type === 'string') {
    return { kind: 'fixed', why: 'is text: a parametric step leaves text alone (a reflective proposer rewrites it)' };
  }
  if (type === 'object' && node.properties !== undefined && Object.keys(node.properties).length > 0) {
    return { kind: 'object', properties: node.properties };
  }
  if (type === 'object' && typeof node.additionalProperties === 'object') {
    const names = node.propertyNames?.enum?.filter((name): name is string => typeof name === 'string') ?? null;
    return { kind: 'map', values: node.additionalProperties, names, required: new Set(node.required ?? []) };
  }
  return { kind: 'fixed', why: 'has no bounds a parametric step can read (not a number, enum, boolean or map)' };
}

/** The JSON type a value belongs to, as JSON Schema names it (integers count as numbers). */
export function matchesType(value: JsonValue, node: SchemaNode): boolean {
  const types = typesOf(node);
  if (node.enum !== undefined) return node.enum.some((allowed) => allowed === value);
  if (node.const !== undefined) return node.const === value;
  if (types.length === 0) return true;
  if (value === null) return types.includes('null');
  if (typeof value === 'number')
    return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  if (Array.isArray(value)) return types.includes('array');
  return types.includes(typeof value);
}
