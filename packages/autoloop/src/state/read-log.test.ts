import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IterationLogEntry } from '../autoloop-types';
import { stateErrorOf } from '../test/autoloop-fixtures';
import { fileStateStore } from './file-state-store';
import { readLog, type TornLine } from './read-log';

function root(): string {
  return join(mkdtempSync(join(tmpdir(), 'autoloop-store-')), 'state');
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

const rejection = stateErrorOf;

describe('readLog and appendLog', () => {
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
