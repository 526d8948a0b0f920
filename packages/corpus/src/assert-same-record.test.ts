import { describe, expect, it } from 'vitest';
import { assertSameRecord } from './assert-same-record';
import type { JsonValue } from './common-schemas';
import { RecordConflictError } from './record-conflict-error';
import { buildRunRecord } from './test';

const asJson = (value: unknown) => value as JsonValue;

describe('assertSameRecord', () => {
  it('takes a record written again with its keys in another order as the same record', () => {
    const record = buildRunRecord();
    const reordered = Object.fromEntries(Object.entries(record).reverse());
    expect(() => assertSameRecord('attempt', record.recordId, asJson(record), asJson(reordered))).not.toThrow();
  });

  it('refuses a different record under the id, naming the fields that differ', () => {
    const record = buildRunRecord();
    const other = { ...record, output: { inline: 'other' }, attempt: 3 };
    expect(() => assertSameRecord('attempt', 'r-1', asJson(record), asJson(other))).toThrow(RecordConflictError);
    expect(() => assertSameRecord('attempt', 'r-1', asJson(record), asJson(other))).toThrow(
      'a different attempt with id "r-1" is already in the corpus (fields that differ: attempt, output); nothing from this batch was written',
    );
  });
});
