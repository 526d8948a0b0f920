import { describe, expect, it } from 'vitest';
import type { AutoloopState } from '../autoloop-types';
import { AutoloopStateError } from './autoloop-state-error';
import { parseAutoloopState, safeParseAutoloopState } from './state-schema';

const FILE = '/tmp/root/autoloop_state.json';

function sample(): AutoloopState {
  return {
    schema_version: 1,
    target: 'examples/dsl-controller',
    iterations_completed: 1,
    max_iterations: 5,
    total_cost_usd: 0.25,
    max_cost_usd: 10,
    score_history: [
      {
        iteration: 1,
        weighted_score: 0.04,
        decision: 'keep',
        candidate_id: 'c1',
        ci: [0.01, 0.07],
        target_hash: 'h1',
        spend_usd: 0.25,
      },
    ],
    plateau_counter: 0,
    consecutive_errors: 0,
    status: 'running',
    stop_reason: null,
    last_failure_trace: null,
    next_run_at: null,
    started_at: '2026-12-01T12:00:00.000Z',
    updated_at: '2026-12-01T12:05:00.000Z',
  };
}

function thrown(run: () => unknown): AutoloopStateError {
  try {
    run();
  } catch (error) {
    if (AutoloopStateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an AutoloopStateError');
}

describe('parseAutoloopState', () => {
  it('returns a valid state with its values', () => {
    expect(parseAutoloopState(sample(), FILE)).toEqual(sample());
  });

  it('keeps fields a newer version added, at the top and inside score entries', () => {
    const raw = JSON.parse(JSON.stringify(sample()));
    raw.learner_notes = { kept: ['a'] };
    raw.score_history[0].judge_cost_usd = 0.1;
    const state = parseAutoloopState(raw, FILE);
    expect(state.learner_notes).toEqual({ kept: ['a'] });
    expect(state.score_history[0]).toMatchObject({ judge_cost_usd: 0.1, candidate_id: 'c1' });
  });

  it('refuses a newer schema_version before looking at fields, saying to upgrade', () => {
    const error = thrown(() => parseAutoloopState({ schema_version: 2, renamed: true }, FILE));
    expect(error.problem).toBe('newer_version');
    expect(error.field).toBe('schema_version');
    expect(error.message).toContain(FILE);
    expect(error.message).toContain('schema_version 2 was written by a newer autoloop');
    expect(error.message).toContain('upgrade @ratchet/autoloop');
  });

  it.each([
    [0, '0'],
    ['1', '"1"'],
    [1.5, '1.5'],
    [undefined, 'missing'],
  ])('refuses schema_version %j as bad_version', (version, shown) => {
    const error = thrown(() => parseAutoloopState({ ...sample(), schema_version: version }, FILE));
    expect(error.problem).toBe('bad_version');
    expect(error.message).toContain(`schema_version is ${shown}, expected 1`);
  });

  it('names the file and the zod path of an invalid field', () => {
    const raw = JSON.parse(JSON.stringify(sample()));
    raw.score_history[0].ci = [0.01];
    const error = thrown(() => parseAutoloopState(raw, FILE));
    expect(error.problem).toBe('invalid');
    expect(error.field).toBe('score_history.0.ci');
    expect(error.message).toMatch(
      /^\/tmp\/root\/autoloop_state\.json \(field score_history\.0\.ci\): invalid autoloop state/,
    );
    expect(error.message).toContain('restore the file from a backup');
  });

  it('refuses a status outside the list', () => {
    const error = thrown(() => parseAutoloopState({ ...sample(), status: 'paused' }, FILE));
    expect(error.field).toBe('status');
  });

  it('has a safe variant that returns the error', () => {
    const result = safeParseAutoloopState({ ...sample(), total_cost_usd: -1 }, FILE);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.field).toBe('total_cost_usd');
    expect(safeParseAutoloopState(sample(), FILE)).toEqual({ success: true, state: sample() });
  });
});
