import { describe, expect, it } from 'vitest';
import { assertManifestUpdate } from './assert-manifest-update';
import { RecordConflictError } from './record-conflict-error';
import { buildManifest } from './test';

describe('assertManifestUpdate', () => {
  it('lets the lifecycle change: status, end, notes, stop reason, resume command', () => {
    const started = buildManifest();
    const ended = {
      ...started,
      status: 'interrupted' as const,
      endedAt: '2026-01-01T02:00:00.000Z',
      notes: 'stopped by hand',
      stopReason: 'signal' as const,
      resumeCommand: 'ratchet run --resume run-1',
    };
    expect(() => assertManifestUpdate(started, ended)).not.toThrow();
  });

  it('refuses a change to anything pre-registered, listing every frozen field that changed', () => {
    const started = buildManifest();
    const moved = { ...started, seed: '43', plannedCells: 99, status: 'completed' as const };
    expect(() => assertManifestUpdate(started, moved)).toThrow(RecordConflictError);
    expect(() => assertManifestUpdate(started, moved)).toThrow(
      'a different manifest with id "run-1" is already in the corpus (fields frozen when the run started changed: plannedCells, seed); the stored manifest was kept',
    );
  });

  it('counts a frozen optional field added later as a change', () => {
    expect(() => assertManifestUpdate(buildManifest(), buildManifest({ commitSha: 'abc1234' }))).toThrow(
      /frozen when the run started changed: commitSha/,
    );
  });
});
