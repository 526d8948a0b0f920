import { describe, expect, it } from 'vitest';
import { gateRecordSchema } from './gate-record';
import { buildGateRecord } from './test/record-builders';

describe('gateRecordSchema', () => {
  it('still parses a record written before the sequential gate, without its fields', () => {
    const record = buildGateRecord();
    expect(gateRecordSchema.parse(record)).toEqual(record);
    expect('stoppedBy' in gateRecordSchema.parse(record)).toBe(false);
  });

  it('parses a sequential gate’s items spent, why it stopped and its batch runs', () => {
    const record = buildGateRecord({
      itemsSpent: 37,
      itemsEvaluated: 40,
      stoppedBy: 'evidence',
      runIds: ['gate-run-1', 'gate-run-1-batch-2'],
    });
    expect(gateRecordSchema.parse(record)).toMatchObject({ itemsSpent: 37, itemsEvaluated: 40, stoppedBy: 'evidence' });
  });

  it('refuses a stop reason it does not know and a negative item count', () => {
    expect(gateRecordSchema.safeParse({ ...buildGateRecord(), stoppedBy: 'tired' }).success).toBe(false);
    expect(gateRecordSchema.safeParse(buildGateRecord({ itemsSpent: -1 })).success).toBe(false);
  });
});
