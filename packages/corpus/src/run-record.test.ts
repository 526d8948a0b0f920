import { describe, expect, it } from 'vitest';
import { InvalidRecordError } from './invalid-record-error';
import { parseCorpusLine, parseRunRecord } from './parse-record';
import { runRecordSchema } from './run-record';
import { buildRunRecord } from './test';

describe('runRecordSchema', () => {
  it('accepts a complete attempt record and keeps its fields in schema order', () => {
    const record = buildRunRecord();
    const parsed = parseRunRecord({ ...record });
    expect(parsed).toEqual(record);
    expect(Object.keys(parsed).slice(0, 3)).toEqual(['kind', 'schemaVersion', 'recordId']);
  });

  it('refuses an unknown field instead of dropping it silently', () => {
    expect(() => parseRunRecord({ ...buildRunRecord(), scoreSelfReported: 1 })).toThrow(
      /invalid attempt record: \(record\): Unrecognized key: "scoreSelfReported"/,
    );
  });

  it('refuses a cost recorded as known without a figure, and 0 passed off as unknown', () => {
    const usage = buildRunRecord().usage;
    expect(() =>
      parseRunRecord(buildRunRecord({ usage: { ...usage, usd: null, costProvenance: 'measured' } })),
    ).toThrow(/usage.usd: usd must be null exactly when costProvenance is 'unknown'/);
    expect(() => parseRunRecord(buildRunRecord({ usage: { ...usage, usd: 0, costProvenance: 'unknown' } }))).toThrow(
      InvalidRecordError,
    );
  });

  it('names every bad field with its path', () => {
    try {
      parseRunRecord({ ...buildRunRecord(), replicate: -1, split: 'test' }, { source: 'records[3]' });
      expect.unreachable();
    } catch (error) {
      expect(InvalidRecordError.isInstance(error)).toBe(true);
      const issues = (error as InvalidRecordError).issues.map((issue) => issue.path);
      expect(issues).toEqual(expect.arrayContaining(['replicate', 'split']));
      expect((error as Error).message).toMatch(/^records\[3\]: invalid attempt record: /);
    }
  });

  it('tells a record from a newer Ratchet apart from a malformed one', () => {
    expect(() => parseCorpusLine({ ...buildRunRecord(), schemaVersion: 3 }, { line: 9 })).toThrow(
      /line 9: invalid corpus line: schemaVersion: 3 was written by a newer Ratchet \(this one reads up to 2\); upgrade @ratchet\/corpus/,
    );
  });

  it('refuses an old-schema record where records are written, pointing at the upgrade', () => {
    expect(() => parseRunRecord({ ...buildRunRecord(), schemaVersion: 1 })).toThrow(
      /invalid attempt record: schemaVersion: 1 is an older record schema; records are written as version 2 \(upgradeRecord\(\) upgrades/,
    );
  });

  it('keeps verdicts optional until judged, and trace summaries bounded', () => {
    expect(runRecordSchema.safeParse(buildRunRecord({ verdict: null })).success).toBe(true);
    const long = buildRunRecord({ trace: { summary: 'x'.repeat(9000), events: 1, blob: null } });
    expect(runRecordSchema.safeParse(long).success).toBe(false);
  });
});

describe('runRecordSchema, schema 2 fields', () => {
  it('records the try as a field and how an agent that ran failed', () => {
    const failure = { reason: 'timeout' as const, message: 'no answer after 60 s', stderr: 'killed' };
    const record = parseRunRecord(buildRunRecord({ try: 2, failure }));
    expect(record.try).toBe(2);
    expect(record.failure).toEqual(failure);
    expect(() => parseRunRecord({ ...buildRunRecord(), try: -1 })).toThrow(/try: /);
    expect(() => parseRunRecord({ ...buildRunRecord(), try: undefined })).toThrow(/try: /);
  });

  it('refuses a failure of an unknown kind, without a message, or with an unbounded stderr', () => {
    const failed = (failure: unknown) => runRecordSchema.safeParse({ ...buildRunRecord(), failure }).success;
    expect(failed({ reason: 'exit', message: 'exit code 2' })).toBe(true);
    expect(failed({ reason: 'infra', message: 'rate limited' })).toBe(false);
    expect(failed({ reason: 'exit', message: '' })).toBe(false);
    expect(failed({ reason: 'signal', message: 'SIGKILL', stderr: 'x'.repeat(4001) })).toBe(false);
  });

  it('counts work units as a measured figure or null, and names the unit on the worker', () => {
    const usage = buildRunRecord().usage;
    expect(parseRunRecord(buildRunRecord({ usage: { ...usage, workUnits: null } })).usage.workUnits).toBeNull();
    expect(() => parseRunRecord(buildRunRecord({ usage: { ...usage, workUnits: -3 } }))).toThrow(/usage\.workUnits: /);
    expect(parseRunRecord(buildRunRecord()).worker.workUnit).toBe('search steps');
    expect(() => parseRunRecord(buildRunRecord({ worker: { id: 'w', workUnit: '' } }))).toThrow(/worker\.workUnit: /);
  });
});
