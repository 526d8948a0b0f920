import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AutoloopState } from '../autoloop-types';
import { stateErrorOf } from '../test/autoloop-fixtures';
import { fileStateStore } from './file-state-store';

function root(): string {
  return join(mkdtempSync(join(tmpdir(), 'autoloop-store-')), 'state');
}

function state(iterations = 0): AutoloopState {
  return {
    schema_version: 1,
    target: 'examples/dsl-controller',
    iterations_completed: iterations,
    max_iterations: 5,
    total_cost_usd: 0,
    max_cost_usd: null,
    score_history: [],
    plateau_counter: 0,
    consecutive_errors: 0,
    status: 'running',
    stop_reason: null,
    last_failure_trace: null,
    next_run_at: null,
    started_at: '2026-12-01T12:00:00.000Z',
    updated_at: '2026-12-01T12:00:00.000Z',
  };
}

const rejection = stateErrorOf;

describe('fileStateStore state', () => {
  it('reads null before the first write, then what was written', async () => {
    const dir = root();
    const store = fileStateStore(dir);
    expect(await store.read()).toBeNull();
    await store.write(state(2));
    expect(await store.read()).toEqual(state(2));
    // The atomic write leaves no temp file behind.
    expect(readdirSync(dir)).toEqual(['autoloop_state.json']);
  });

  it('keeps unknown fields from a newer version through a read and a rewrite', async () => {
    const dir = root();
    const store = fileStateStore(dir);
    await store.write(state());
    const file = join(dir, 'autoloop_state.json');
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...raw, shadow_target: 'b', score_history: [] }));
    const read = await store.read();
    if (read === null) throw new Error('state missing');
    await store.write({ ...read, iterations_completed: 3 });
    const rewritten = JSON.parse(readFileSync(file, 'utf8'));
    expect(rewritten.shadow_target).toBe('b');
    expect(rewritten.iterations_completed).toBe(3);
  });

  it.each([
    ['not JSON', '{"schema_version": 1, "targ'],
    ['empty', ''],
  ])('refuses a state file that is %s, naming it and leaving it as it was', async (_, text) => {
    const dir = root();
    await fileStateStore(dir).write(state());
    const file = join(dir, 'autoloop_state.json');
    writeFileSync(file, text);
    const error = await rejection(fileStateStore(dir).read());
    expect(error.problem).toBe('not_json');
    expect(error.file).toBe(file);
    expect(error.message).toContain(`${file}: not JSON`);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('refuses to write an invalid state and keeps the file on disk', async () => {
    const dir = root();
    const store = fileStateStore(dir);
    await store.write(state(1));
    const error = await rejection(store.write({ ...state(2), iterations_completed: -1 }));
    expect(error.problem).toBe('invalid_write');
    expect(error.field).toBe('iterations_completed');
    expect(await store.read()).toEqual(state(1));
  });
});

describe('fileStateStore appendLog', () => {
  it('refuses an invalid entry and writes nothing', async () => {
    const dir = root();
    const bad = {
      iteration: 1,
      started_at: '2026-12-01T12:00:00.000Z',
      ended_at: 'later',
      orchestrator: 'simulated',
      outcome: {
        decision: 'keep',
        candidateId: 'c1',
        targetHash: 'h1',
        score: null,
        spendUsd: null,
        cells: 3,
        failure: null,
        summary: '',
      },
      total_cost_usd: 0,
    } as const;
    const error = await rejection(fileStateStore(dir).appendLog(bad));
    expect(error.problem).toBe('invalid_write');
    expect(error.field).toBe('ended_at');
    expect(existsSync(join(dir, 'iteration_log.jsonl'))).toBe(false);
  });
});

describe('fileStateStore handoffs', () => {
  it('writes handoffs/iteration-<n>.md, creating the folders', async () => {
    const dir = root();
    await fileStateStore(dir).writeHandoff(4, '# Autoloop handoff: iteration 4\n');
    expect(readFileSync(join(dir, 'handoffs', 'iteration-4.md'), 'utf8')).toBe('# Autoloop handoff: iteration 4\n');
    expect(readdirSync(join(dir, 'handoffs'))).toEqual(['iteration-4.md']);
  });

  it('refuses an iteration that is not a non-negative integer', async () => {
    await expect(fileStateStore(root()).writeHandoff(1.5, 'x')).rejects.toThrow(RangeError);
  });
});
