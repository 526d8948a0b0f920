import { buildManifest } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { runState } from './run-state';

const manifest = buildManifest({ runId: 'r', resumeCommand: 'ratchet run dsl.config.json --run-id r' });

describe('runState', () => {
  it('says how many of the planned cells are recorded, and how to resume, for an unfinished run', () => {
    expect(runState(manifest, { status: 'running', stopReason: null, cells: { planned: 160, recorded: 128 } })).toBe(
      'not finished: 128/160 cells recorded; running now, or its process was killed — resume with: ratchet run dsl.config.json --run-id r',
    );
    expect(
      runState(manifest, { status: 'interrupted', stopReason: 'signal', cells: { planned: 160, recorded: 40 } }),
    ).toBe('interrupted (40/160 cells recorded) — resume with: ratchet run dsl.config.json --run-id r');
    expect(
      runState(manifest, { status: 'interrupted', stopReason: 'spend-cap', cells: { planned: 160, recorded: 40 } }),
    ).toMatch(/^stopped at the spend cap \(40\/160 cells recorded\)/);
  });

  it('says why a run paused on an infra failure that reaches every cell', () => {
    expect(
      runState(manifest, {
        status: 'interrupted',
        stopReason: 'infra',
        stopDetail: 'claude-code: the API key was refused (authentication_failed)',
        cells: { planned: 24, recorded: 3 },
      }),
    ).toBe(
      'paused: claude-code: the API key was refused (authentication_failed) (3/24 cells recorded; none marked infra for it) — resume with: ratchet run dsl.config.json --run-id r',
    );
  });

  it('does not call a run with missing cells simply completed', () => {
    expect(
      runState(manifest, { status: 'completed', stopReason: 'completed', cells: { planned: 24, recorded: 24 } }),
    ).toBe('completed (24/24 cells recorded)');
    expect(
      runState(manifest, { status: 'completed', stopReason: 'completed', cells: { planned: 24, recorded: 0 } }),
    ).toBe('completed where it ran, but only 0/24 cells recorded are in this corpus (a partial import?)');
  });
});
