import { describe, expect, it } from 'vitest';
import { parseCorpusLine } from './parse-record';
import { RecordUpgradeError } from './record-upgrade-error';
import { buildRunRecord } from './test';
import { v1Attempts, v1Cell, v1Manifest } from './test/v1-export';
import { upgradeRecord } from './upgrade-record';

describe('upgradeRecord', () => {
  it('moves the stop reason out of the notes of a v1 manifest, keeping the rest of the notes', () => {
    expect(upgradeRecord(v1Manifest)).toMatchObject({ schemaVersion: 2, stopReason: 'spend-cap', plannedCells: null });
    expect(upgradeRecord(v1Manifest)).not.toHaveProperty('notes');
    const noted = upgradeRecord({ ...v1Manifest, notes: 'stopReason=signal  resumed by hand' });
    expect(noted).toMatchObject({ stopReason: 'signal', notes: 'resumed by hand' });
  });

  it('says a v1 run without a noted stop reason completed only when its status says so', () => {
    const { notes: _, ...bare } = v1Manifest;
    expect(upgradeRecord({ ...bare, status: 'completed' })).toMatchObject({ stopReason: 'completed' });
    expect(upgradeRecord({ ...bare, status: 'failed' })).toMatchObject({ stopReason: null });
    expect(upgradeRecord({ ...bare, status: 'running', notes: 'first run' })).toMatchObject({
      stopReason: null,
      notes: 'first run',
    });
  });

  it('reads the try of a v1 attempt from its id, 0 when the id does not say', () => {
    expect(upgradeRecord(v1Attempts[1])).toMatchObject({ try: 1, failure: null, usage: { workUnits: null } });
    expect(upgradeRecord({ ...v1Attempts[1], recordId: 'r-17' })).toMatchObject({ try: 0 });
    expect(upgradeRecord({ ...v1Attempts[1], recordId: 'cell/t12/a3' })).toMatchObject({ try: 12 });
  });

  it('gives a v1 cell the highest try among its attempts', () => {
    const cell = { ...v1Cell(), attemptIds: ['c/t0/a0', 'c/t2/a1', 'c/t1/a0'] };
    expect(upgradeRecord(cell)).toMatchObject({ schemaVersion: 2, try: 2, spend: { workUnits: null } });
    expect(upgradeRecord({ ...v1Cell(), attemptIds: [] })).toMatchObject({ try: 0 });
  });

  it('refuses a v1 cell chosen by the oracle, naming it', () => {
    expect(() => upgradeRecord(v1Cell('oracle'), 'old.db')).toThrow(RecordUpgradeError);
    expect(() => upgradeRecord(v1Cell('oracle'))).toThrow(
      /^cell "run-v1\/random\/task-1\/0" cannot be upgraded to the current record schema: .*docs\/design\.md rule 2/,
    );
  });

  it('leaves current records and anything else as they are', () => {
    const current = buildRunRecord();
    expect(upgradeRecord(current)).toBe(current);
    const blob = { kind: 'blob', sha256: 'a'.repeat(64), mediaType: 'text/plain', base64: '' };
    expect(upgradeRecord(blob)).toBe(blob);
    expect(upgradeRecord(null)).toBeNull();
  });

  it('produces records the current schema accepts', () => {
    for (const line of [v1Manifest, ...v1Attempts, v1Cell()]) {
      expect(parseCorpusLine(line).kind).toBe(line.kind);
    }
  });
});
