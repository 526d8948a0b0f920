import { createRng, type Rng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellRecordSchema } from './cell-record';
import { compileBodyWriter } from './compile-body-writer';
import { runRecordSchema } from './run-record';
import { buildCellRecord, buildRunRecord, buildVerdict } from './test/record-builders';

const blob = { sha256: 'a'.repeat(64), bytes: 10, mediaType: 'text/plain' };

/** Valid records that reach every optional part of the two schemas. */
const validAttempts: unknown[] = [
  buildRunRecord(),
  buildRunRecord({
    steer: { text: 'try the other branch', parameters: { depth: 3, notes: ['a', { b: null }] } },
    checkpoint: { fromRecordId: 'r/0', blob },
    trace: { summary: 'x', events: 0, blob },
    output: { blob },
    checks: [{ name: 'tests', passed: null, score: null, details: { failing: [1, 2] } }],
    verdict: null,
    usage: {
      turns: 2,
      tokensIn: 1,
      tokensInCached: 0,
      tokensOut: 1,
      usd: 0.01,
      wallMs: 1,
      workUnits: null,
      costProvenance: 'measured',
    },
    failure: { reason: 'exit', message: 'exit 1', stderr: 'boom' },
    infra: { error: 'rate limited', retries: 2 },
    worker: { id: 'w', model: 'm', version: '2', workUnit: 'steps' },
    commitSha: 'abcdef1',
  }),
  buildRunRecord({ verdict: buildVerdict(false, { judge: { id: 'j', version: '1' }, details: { why: 'x' } }) }),
];
const validCells: unknown[] = [
  buildCellRecord(),
  buildCellRecord({ verdict: null, status: 'infra', infra: { error: 'sandbox crashed', retries: 3 } }),
];

const oddValues: unknown[] = [
  ...[null, undefined, '', 'x', 'a'.repeat(201), 'bad\u0001id', '2026-01-01T00:00:00Z', '2026-02-30T00:00:00Z'],
  ...[-1, 0, -0, 1.5, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY, true, false],
  ...[[], [1], {}, { extra: 1 }, new Date(0), Object.create(null), 'measured', 'unknown', 'train', 'attempt', 2],
];

/** A copy of `value` with one random change somewhere inside: a field removed, replaced or added. */
function mutate(value: unknown, rng: Rng): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || rng.next() < 0.2) return [...value, oddValues[rng.int(oddValues.length)]];
    const copy = [...value];
    const i = rng.int(copy.length);
    copy[i] = rng.next() < 0.3 ? oddValues[rng.int(oddValues.length)] : mutate(copy[i], rng);
    return copy;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const roll = rng.next();
    if (keys.length === 0 || roll < 0.1) copy[`extra${rng.int(3)}`] = oddValues[rng.int(oddValues.length)];
    else {
      const key = keys[rng.int(keys.length)] as string;
      if (roll < 0.25) delete copy[key];
      else if (roll < 0.55) copy[key] = oddValues[rng.int(oddValues.length)];
      else copy[key] = mutate(copy[key], rng);
    }
    return copy;
  }
  return oddValues[rng.int(oddValues.length)];
}

/** What the writer must agree with: zod's parse, then JSON.stringify. */
function zodBody(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? JSON.stringify(result.data) : null;
}

describe('compileBodyWriter', () => {
  for (const [name, schema, validRecords] of [
    ['attempt', runRecordSchema, validAttempts],
    ['cell', cellRecordSchema, validCells],
  ] as const) {
    const write = compileBodyWriter(schema);

    it(`writes what zod's parse and JSON.stringify write for valid ${name} records`, () => {
      expect(write).not.toBeNull();
      for (const record of validRecords) {
        const expected = zodBody(schema, record);
        expect(expected).not.toBeNull();
        expect(write?.(record)).toBe(expected);
      }
    });

    it(`never accepts a ${name} record zod refuses, nor writes other text (20,000 mutated records)`, () => {
      const rng = createRng(`body-writer/${name}`);
      let accepted = 0;
      let refused = 0;
      for (let i = 0; i < 20_000; i++) {
        let value = validRecords[rng.int(validRecords.length)];
        for (let m = 1 + rng.int(3); m > 0; m--) value = mutate(value, rng);
        const text = write?.(value);
        const expected = zodBody(schema, value);
        if (text !== undefined) {
          expect(text).toBe(expected);
          accepted++;
        } else if (expected === null) refused++;
      }
      // Both outcomes were exercised: mutations that stay valid, and ones zod refuses.
      expect(accepted).toBeGreaterThan(500);
      expect(refused).toBeGreaterThan(5000);
    });
  }

  it('writes keys in the schema order, whatever order the input has', () => {
    const schema = z.strictObject({ a: z.number(), b: z.strictObject({ x: z.string(), y: z.boolean() }) });
    expect(compileBodyWriter(schema)?.({ b: { y: true, x: 'q' }, a: 1 })).toBe('{"a":1,"b":{"x":"q","y":true}}');
  });

  it('declines a schema with a transform or a default, and leaves a class instance to zod', () => {
    expect(compileBodyWriter(z.strictObject({ a: z.string().transform((s) => s.length) }))).toBeNull();
    expect(compileBodyWriter(z.strictObject({ a: z.number().default(1) }))).toBeNull();
    const write = compileBodyWriter(z.strictObject({ at: z.strictObject({}) }));
    expect(write?.({ at: new (class Empty {})() })).toBeUndefined();
  });
});
