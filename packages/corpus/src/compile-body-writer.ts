import type { z } from 'zod';

/**
 * A record's stored body straight from its input: the text `JSON.stringify(schema.parse(value))`
 * gives when the value is valid, or `undefined` when it is not or when the writer cannot tell; zod
 * then parses the value and is the only one to say what is wrong.
 */
export type BodyWriter = (value: unknown) => string | undefined;

// Schema internals as zod 4 exposes them on `_zod.def`: only what the writer reads.
interface Def {
  type: string;
  checks?: Array<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, Schema>;
  catchall?: Schema;
  innerType?: Schema;
  options?: Schema[];
  element?: Schema;
  keyType?: Schema;
  valueType?: Schema;
  values?: unknown[];
  entries?: Record<string, unknown>;
  fn?: (value: unknown) => unknown;
  format?: string;
  pattern?: RegExp;
}
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
  when?: unknown;
}
type Schema = { _zod: { def: Def } };

/** The schema uses something the writer does not mirror: it declines the whole schema. */
class Unsupported extends Error {}

/**
 * Compiles a writer for a zod schema built of objects (strict or stripping), strings with length and
 * pattern checks (ISO datetimes included), numbers with bounds and integer checks, booleans, literals,
 * enums, nullable and optional fields, unions, arrays, records and custom checks (refinements on
 * objects too). Appending records spends most of its time outside SQLite in zod's parse and
 * `JSON.stringify`; the writer does both in one pass of generated straight-line code (as zod itself
 * generates its object parsers), several times faster. Each generated function returns the JSON text,
 * `false` when the schema certainly refuses the value, or `undefined` when it cannot tell (a class
 * instance, an async refinement); only a certain refusal lets a union try its next option.
 *
 * Returns null for a schema it cannot mirror exactly (a transform, a default, an unknown check) and
 * where code generation is not allowed: then every value goes to zod.
 */
export function compileBodyWriter(schema: z.ZodType): BodyWriter | null {
  const generator = new Generator();
  let root: (value: unknown) => unknown;
  try {
    const entry = generator.functionFor(schema as unknown as Schema);
    root = new Function('c', `'use strict';\n${generator.source.join('\n')}\nreturn ${entry};`)(generator.context);
  } catch (error) {
    if (error instanceof Unsupported || error instanceof EvalError) return null;
    throw error;
  }
  return (value) => {
    const text = root(value);
    return typeof text === 'string' ? text : undefined;
  };
}

/** JSON.stringify of a string, without its call cost for the usual short string that needs no escape. */
function quote(value: string): string {
  if (value.length > 128) return JSON.stringify(value);
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // Control characters, `"`, `\` and surrogates (a lone one is escaped) go through JSON.stringify.
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff))
      return JSON.stringify(value);
  }
  return `"${value}"`;
}

/** A refinement's or custom check's answer: `undefined` for a promise (zod's async parse decides). */
function passes(verdict: unknown): boolean | undefined {
  if (typeof (verdict as { then?: unknown } | null)?.then === 'function') return undefined;
  return Boolean(verdict);
}

class Generator {
  readonly source: string[] = [];
  readonly context: unknown[] = [quote, passes];
  #count = 0;

  /** A constant the generated code reads as `c[i]`. */
  #constant(value: unknown): string {
    this.context.push(value);
    return `c[${this.context.length - 1}]`;
  }

  #define(body: string): string {
    const name = `f${this.#count++}`;
    this.source.push(`function ${name}(v) {\n${body}\n}`);
    return name;
  }

  /** The name of a generated function that writes `schema`. */
  functionFor(schema: Schema): string {
    const def = schema._zod.def;
    switch (def.type) {
      case 'object':
        return this.#object(def);
      case 'array':
        return this.#array(def);
      case 'record':
        return this.#record(def);
      case 'union':
        return this.#union(def);
      default:
        return this.#define(`let t = '';\n{ const x = v;\n${this.statements(schema)}\n}\nreturn t;`);
    }
  }

  /** Statements that check the value in `x` and append its text to `t`, or return false / undefined. */
  statements(schema: Schema): string {
    const def = schema._zod.def;
    switch (def.type) {
      case 'string':
        return this.#string(def);
      case 'number':
        return this.#number(def);
      case 'boolean':
        noChecks(def);
        return `if (x === true) t += 'true'; else if (x === false) t += 'false'; else return false;`;
      case 'literal': {
        noChecks(def);
        const values = def.values ?? [];
        if (!values.every((v) => typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v)))
          throw new Unsupported();
        const test = values.map((v) => `x !== ${JSON.stringify(v)}`).join(' && ') || 'true';
        return `if (${test}) return false; t += JSON.stringify(x);`;
      }
      case 'enum': {
        noChecks(def);
        const values = Object.values(def.entries ?? {});
        if (!values.every((v) => typeof v === 'string')) throw new Unsupported();
        return `if (!${this.#constant(new Set(values))}.has(x)) return false; t += c[0](x);`;
      }
      case 'nullable':
        return `if (x === null) t += 'null'; else {\n${this.statements(def.innerType as Schema)}\n}`;
      case 'custom': {
        noChecks(def);
        if (typeof def.fn !== 'function') throw new Unsupported();
        return `{ const ok = c[1](${this.#constant(def.fn)}(x)); if (ok !== true) return ok; t += JSON.stringify(x); }`;
      }
      case 'object':
      case 'array':
      case 'record':
      case 'union':
        return `{ const r = ${this.functionFor(schema)}(x); if (typeof r !== 'string') return r; t += r; }`;
      default:
        // optional outside an object, pipes, transforms, defaults, dates, …: zod decides.
        throw new Unsupported();
    }
  }

  #string(def: Def): string {
    const tests: string[] = [];
    const pattern = (regex: RegExp) => {
      const name = this.#constant(regex);
      tests.push(`(${name}.lastIndex = 0, !${name}.test(x))`);
    };
    if (def.format !== undefined) {
      // A string format schema (z.iso.datetime()): the format is its pattern.
      if (def.format !== 'datetime' || !(def.pattern instanceof RegExp)) throw new Unsupported();
      pattern(def.pattern);
    }
    for (const { _zod } of def.checks ?? []) {
      const check = _zod.def;
      if (check.check === 'min_length') tests.push(`x.length < ${Number(check.minimum)}`);
      else if (check.check === 'max_length') tests.push(`x.length > ${Number(check.maximum)}`);
      else if (check.check === 'string_format' && check.format === 'regex' && check.pattern instanceof RegExp)
        pattern(check.pattern);
      else throw new Unsupported();
    }
    return `if (typeof x !== 'string'${tests.map((test) => ` || ${test}`).join('')}) return false; t += c[0](x);`;
  }

  #number(def: Def): string {
    // zod 4 numbers are finite: NaN and ±Infinity are refused.
    const tests = ['!Number.isFinite(x)'];
    for (const { _zod } of def.checks ?? []) {
      const check = _zod.def;
      const bound = Number(check.value);
      if (check.check === 'greater_than') tests.push(check.inclusive ? `!(x >= ${bound})` : `!(x > ${bound})`);
      else if (check.check === 'less_than') tests.push(check.inclusive ? `!(x <= ${bound})` : `!(x < ${bound})`);
      else if (check.check === 'number_format' && check.format === 'safeint') tests.push('!Number.isSafeInteger(x)');
      else throw new Unsupported();
    }
    // A finite number's JSON text is its string form (−0 included: both give "0").
    return `if (typeof x !== 'number' || ${tests.join(' || ')}) return false; t += '' + x;`;
  }

  #object(def: Def): string {
    const catchall = def.catchall?._zod.def.type;
    if (catchall !== undefined && catchall !== 'never') throw new Unsupported();
    const shape = Object.entries(def.shape ?? {});
    const lines = [plainObjectCheck];
    // Strict: any key outside the shape is refused. Stripping: such keys are left out of the text.
    if (catchall === 'never')
      lines.push(
        `for (const k in v) if (!${this.#constant(new Set(shape.map(([name]) => name)))}.has(k)) return false;`,
      );
    lines.push(`let t = '{';`);
    // Whether a field was written before this one: 'no', 'yes', or 'maybe' (only optional ones so far).
    let before: 'no' | 'yes' | 'maybe' = 'no';
    for (const [name, child] of shape) {
      const optional = child._zod.def.type === 'optional';
      const inner = optional ? (child._zod.def.innerType as Schema) : child;
      const key = JSON.stringify(name);
      const prefix =
        before === 'maybe'
          ? `t += (t.length > 1 ? ',' : '') + ${JSON.stringify(`${key}:`)};`
          : `t += ${JSON.stringify(`${before === 'yes' ? ',' : ''}${key}:`)};`;
      const write = `${prefix}\n${this.statements(inner)}`;
      lines.push(`{ const x = v[${key}];\n${optional ? `if (x !== undefined) {\n${write}\n}` : write}\n}`);
      before = optional ? (before === 'no' ? 'maybe' : before) : 'yes';
    }
    for (const { _zod } of def.checks ?? []) {
      const check = _zod.def;
      if (check.check !== 'custom' || typeof check.fn !== 'function' || check.when !== undefined)
        throw new Unsupported();
      lines.push(`{ const ok = c[1](${this.#constant(check.fn)}(v)); if (ok !== true) return ok; }`);
    }
    lines.push(`return t + '}';`);
    return this.#define(lines.join('\n'));
  }

  #array(def: Def): string {
    const tests = lengthTests(def, 'v.length');
    return this.#define(
      [
        `if (!Array.isArray(v)${tests}) return false;`,
        `let t = '[';`,
        `for (let i = 0; i < v.length; i++) {`,
        `if (i > 0) t += ',';`,
        `const x = v[i];`,
        this.statements(def.element as Schema),
        '}',
        `return t + ']';`,
      ].join('\n'),
    );
  }

  #record(def: Def): string {
    noChecks(def);
    return this.#define(
      [
        plainObjectCheck,
        'const keys = Object.keys(v);',
        // Symbol, non-enumerable or __proto__ keys: zod's own walk decides those.
        `if (Reflect.ownKeys(v).length !== keys.length || keys.includes('__proto__')) return undefined;`,
        `let t = '{';`,
        'for (let i = 0; i < keys.length; i++) {',
        `if (i > 0) t += ',';`,
        `{ const x = keys[i];\n${this.statements(def.keyType as Schema)}\n}`,
        `t += ':';`,
        `{ const x = v[keys[i]];\n${this.statements(def.valueType as Schema)}\n}`,
        '}',
        `return t + '}';`,
      ].join('\n'),
    );
  }

  #union(def: Def): string {
    noChecks(def);
    // zod keeps the first option that accepts the value, so an option the writer cannot judge stops it.
    const options = (def.options ?? []).map((option) => this.functionFor(option));
    const tries = options.map((option) => `r = ${option}(v); if (r !== false) return r;`);
    return this.#define(`let r;\n${tries.join('\n')}\nreturn false;`);
  }
}

// Arrays, null and primitives are refused by an object or record schema; class instances are zod's to judge.
const plainObjectCheck = [
  `if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;`,
  `{ const p = Object.getPrototypeOf(v); if (p !== Object.prototype && p !== null) return undefined; }`,
].join('\n');

function noChecks(def: Def): void {
  if (def.checks && def.checks.length > 0) throw new Unsupported();
}

function lengthTests(def: Def, length: string): string {
  return (def.checks ?? [])
    .map(({ _zod }) => {
      const check = _zod.def;
      if (check.check === 'min_length') return ` || ${length} < ${Number(check.minimum)}`;
      if (check.check === 'max_length') return ` || ${length} > ${Number(check.maximum)}`;
      throw new Unsupported();
    })
    .join('');
}
