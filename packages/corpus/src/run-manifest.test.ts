import { describe, expect, it } from 'vitest';
import { parseRunManifest } from './parse-record';
import { mutableManifestFields, runManifestSchema } from './run-manifest';
import { buildManifest } from './test';

describe('runManifestSchema', () => {
  it('says why a run stopped in its own field, null while it runs', () => {
    expect(parseRunManifest(buildManifest()).stopReason).toBeNull();
    const stopped = buildManifest({ status: 'interrupted', stopReason: 'spend-cap' });
    expect(parseRunManifest(stopped).stopReason).toBe('spend-cap');
    expect(runManifestSchema.safeParse({ ...buildManifest(), stopReason: 'crash' }).success).toBe(false);
  });

  it('records the planned cells and the command that resumes the run', () => {
    const manifest = parseRunManifest(buildManifest({ plannedCells: 24, resumeCommand: 'ratchet run --resume run-1' }));
    expect(manifest.plannedCells).toBe(24);
    expect(manifest.resumeCommand).toBe('ratchet run --resume run-1');
    expect(parseRunManifest(buildManifest({ plannedCells: null })).plannedCells).toBeNull();
    expect(() => parseRunManifest({ ...buildManifest(), plannedCells: -1 })).toThrow(/plannedCells: /);
    expect(() => parseRunManifest({ ...buildManifest(), resumeCommand: '' })).toThrow(/resumeCommand: /);
  });

  it('lets only the lifecycle change after the run started', () => {
    expect([...mutableManifestFields]).toEqual([
      'status',
      'endedAt',
      'notes',
      'stopReason',
      'stopDetail',
      'resumeCommand',
    ]);
  });
});
