import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AutoloopState, IterationLogEntry } from '../autoloop-types';
import { AutoloopStateError } from './autoloop-state-error';
import { fileStateStore } from './file-state-store';
import { readLog, type TornLine } from './read-log';

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

function entry(iteration: number): IterationLogEntry {
  return {
    iteration,
    started_at: '2026-12-01T12:00:00.000Z',
    ended_at: '2026-12-01T12:01:00.000Z',
    orchestrator: 'simulated',
    outcome: {
      decision: iteration % 2 === 0 ? 'reject' : 'keep',
      candidateId: `c${iteration}`,
      targetHash: `h${iteration}`,
      score: { estimate: 0.02, low: -0.01, high: 0.05 },
      spendUsd: null,
      cells: 12,
      failure: null,
      summary: 'tried a longer steer',
    },
    total_cost_usd: 0,
  };
}

async function rejection(promise: Promise<unknown>): Promise<AutoloopStateError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (AutoloopStateError.isInstance(error)) return error;
  throw new Error(`expected an AutoloopStateError, got ${String(error)}`);
}

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

describe('fileStateStore log', () => {
  it('appends one JSON line per entry, read back in order', async () => {
    const dir = root();
    const store = fileStateStore(dir);
    await store.appendLog(entry(1));
    await store.appendLog(entry(2));
    const text = readFileSync(join(dir, 'iteration_log.jsonl'), 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect(await readLog(dir)).toEqual({ entries: [entry(1), entry(2)], torn: null });
  });

  it('reads an absent log as empty', async () => {
    expect(await readLog(root())).toEqual({ entries: [], torn: null });
  });

  it('skips and reports a torn last line, and the next append drops it', async () => {
    const dir = root();
    const torn: TornLine[] = [];
    const store = fileStateStore(dir, { onTornLine: (line) => torn.push(line) });
    await store.appendLog(entry(1));
    await store.appendLog(entry(2));
    const file = join(dir, 'iteration_log.jsonl');
    appendFileSync(file, '{"iteration":3,"sta');
    expect(await readLog(dir)).toEqual({ entries: [entry(1), entry(2)], torn: { line: 3, bytes: 19 } });
    await store.appendLog(entry(3));
    expect(torn).toEqual([{ line: 3, bytes: 19 }]);
    expect(await readLog(dir)).toEqual({ entries: [entry(1), entry(2), entry(3)], torn: null });
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(4);
  });

  it('keeps a whole last line that lost only its newline', async () => {
    const dir = root();
    const store = fileStateStore(dir);
    await store.appendLog(entry(1));
    appendFileSync(join(dir, 'iteration_log.jsonl'), JSON.stringify(entry(2)));
    expect(await readLog(dir)).toEqual({ entries: [entry(1), entry(2)], torn: null });
    await store.appendLog(entry(3));
    expect((await readLog(dir)).entries.map((e) => e.iteration)).toEqual([1, 2, 3]);
  });

  it('refuses a bad line before the last one, naming the file and line', async () => {
    const dir = root();
    const file = join(dir, 'iteration_log.jsonl');
    await fileStateStore(dir).appendLog(entry(1));
    appendFileSync(file, `not json\n${JSON.stringify(entry(3))}\n`);
    const error = await rejection(readLog(dir));
    expect(error.problem).toBe('not_json');
    expect(error.message).toContain(`${file}:2: this log line is not JSON`);
  });

  it('names the field of a log line that is JSON but not an entry', async () => {
    const dir = root();
    await fileStateStore(dir).appendLog(entry(1));
    appendFileSync(join(dir, 'iteration_log.jsonl'), `${JSON.stringify({ ...entry(2), orchestrator: 7 })}\n`);
    const error = await rejection(readLog(dir));
    expect(error.problem).toBe('invalid');
    expect(error.field).toBe('orchestrator');
    expect(error.file).toBe(`${join(dir, 'iteration_log.jsonl')}:2`);
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
