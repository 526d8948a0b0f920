import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellRecordSchema } from './cell-record';
import { compiledSchema } from './compiled-schema';
import { runRecordSchema } from './run-record';
import { buildCellRecord, buildRunRecord, buildVerdict } from './test/record-builders';

const attempt = buildRunRecord();
const cell = buildCellRecord();
const blob = { sha256: 'a'.repeat(64), bytes: 10, mediaType: 'text/plain' };
class Output {
  inline = 'answer';
}

/** Valid records in the shapes the append path meets: optional keys present, absent and undefined. */
const validAttempts = [
  attempt,
  buildRunRecord({ commitSha: 'abc1234', steer: { text: 'try again', parameters: { depth: 3 } } }),
  buildRunRecord({
    output: { blob },
    checkpoint: { fromRecordId: 'r-0', blob },
    trace: { summary: '', events: 0, blob },
  }),
  buildRunRecord({
    worker: { id: 'w', model: undefined },
    checks: [{ name: 'c', passed: null, score: null, details: [1] }],
  }),
  buildRunRecord({ failure: { reason: 'exit', message: 'exit 1', stderr: 'boom' }, infra: { error: 'x', retries: 2 } }),
  buildRunRecord({ verdict: buildVerdict(false, { details: { notes: ['a', null] } }), output: null }),
  // zod takes an object of any class; what is stored is its own plain copy.
  { ...attempt, output: new Output() },
];
const validCells = [
  cell,
  buildCellRecord({ strategyFailure: null, finalOutput: null, verdict: null }),
  buildCellRecord({ status: 'infra', infra: { error: 'timeout', retries: 1 }, strategyFailure: undefined }),
  buildCellRecord({ supersedes: [{ ...cell, status: 'infra', infra: { error: 'x', retries: 0 } }] }),
];

/** Records each schema refuses, one reason each: types, bounds, patterns, unknown and missing keys, refinements. */
const badAttempts: unknown[] = [
  null,
  [],
  'attempt',
  { ...attempt, recordId: '' },
  { ...attempt, runId: 'a'.repeat(201) },
  { ...attempt, armId: 'tab\there' },
  { ...attempt, split: 'test' },
  { ...attempt, replicate: -1 },
  { ...attempt, try: 1.5 },
  { ...attempt, attempt: Number.NaN },
  { ...attempt, seed: 42 },
  { ...attempt, controller: { id: 'c', hash: 'h', extra: 1 } },
  { ...attempt, worker: { id: 'w', workUnit: '' } },
  { ...attempt, steer: { text: 1 } },
  { ...attempt, trace: { summary: 's'.repeat(8193), events: 0, blob: null } },
  { ...attempt, output: { inline: Number.POSITIVE_INFINITY } },
  { ...attempt, output: { inline: 'a', blob } },
  { ...attempt, checks: [{ name: '', passed: 'yes', score: 1 }] },
  { ...attempt, verdict: { ...buildVerdict(true), scores: { '': { value: 1, direction: 'up' } } } },
  { ...attempt, usage: { ...attempt.usage, usd: 0.5 } },
  { ...attempt, usage: { ...attempt.usage, tokensIn: -1, costProvenance: 'guessed' } },
  { ...attempt, failure: { reason: 'crash', message: '' } },
  { ...attempt, createdAt: '2026-01-01 00:00' },
  { ...attempt, commitSha: 'XYZ' },
  { ...attempt, scoreSelfReported: 1 },
  Object.fromEntries(Object.entries(attempt).filter(([key]) => key !== 'configHash')),
  { ...attempt, kind: 'cell' },
];
const badCells: unknown[] = [
  { ...cell, attemptIds: ['ok', ''] },
  { ...cell, chosenBy: 'oracle' },
  { ...cell, status: 'failed', attempts: -1 },
  { ...cell, strategyFailure: { error: '' } },
  { ...cell, supersedes: [] },
  { ...cell, supersedes: [{ ...cell, status: 'ok' }] },
  { ...cell, oracle: { attemptId: 'a', verdict: null } },
  { ...cell, spend: { ...cell.spend, usd: null } },
];

describe('compiledSchema', () => {
  it('compiles the attempt and cell schemas (zod refuses nothing in them), once each', () => {
    expect(() => z.compile(runRecordSchema, { strict: true })).not.toThrow();
    expect(() => z.compile(cellRecordSchema, { strict: true })).not.toThrow();
    expect(compiledSchema(runRecordSchema)).not.toBe(runRecordSchema);
    expect(compiledSchema(runRecordSchema)).toBe(compiledSchema(runRecordSchema));
  });

  it.each([
    ['attempt', runRecordSchema, validAttempts],
    ['cell', cellRecordSchema, validCells],
  ] as const)('parses a valid %s to the same value and the same body text as the schema', (_, schema, records) => {
    for (const record of records) {
      const compiled = compiledSchema<unknown>(schema).safeParse(record);
      const interpreted = (schema as z.ZodType).safeParse(record);
      expect(interpreted.success).toBe(true);
      expect(compiled.success).toBe(true);
      expect(JSON.stringify(compiled.data)).toBe(JSON.stringify(interpreted.data));
      expect(compiled.data).toStrictEqual(interpreted.data);
    }
  });

  it.each([
    ['attempt', runRecordSchema, badAttempts],
    ['cell', cellRecordSchema, badCells],
  ] as const)('refuses every bad %s the schema refuses, with the same issues', (_, schema, records) => {
    for (const record of records) {
      const compiled = compiledSchema<unknown>(schema).safeParse(record);
      const interpreted = (schema as z.ZodType).safeParse(record);
      expect(interpreted.success).toBe(false);
      expect(compiled.success).toBe(false);
      expect(compiled.error?.issues).toStrictEqual(interpreted.error?.issues);
    }
  });
});
