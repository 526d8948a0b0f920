import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateJsonlDataset } from './validate-jsonl-dataset';

const arithmetic = fileURLToPath(new URL('../../examples/arithmetic.jsonl', import.meta.url));

describe('validateJsonlDataset', () => {
  it('passes the example dataset: every expected number passes and the empty answer fails', async () => {
    const report = await validateJsonlDataset({ path: arithmetic, judge: { kind: 'numeric' } });
    expect(report).toMatchObject({ ok: true, summary: { tasks: 6, ok: 6, withProblems: 0, problems: {} } });
  });

  it('reports bad lines by kind, with their line numbers, instead of throwing', async () => {
    const report = await validateJsonlDataset({
      lines: [
        '{"id":"fine","input":"Capital of France?","expected":"Paris"}',
        '{"id":"blank-answer","input":"Say nothing","expected":""}',
        '{"id":"no-answer","input":"Capital of Peru?"}',
      ],
      judge: { kind: 'exact' },
    });
    expect(report.tasks.map((task) => [task.taskId, task.problems.map((problem) => problem.message)])).toEqual([
      ['fine', []],
      ['blank-answer', ['line 2: the empty answer passes the judge']],
      ['no-answer', [expect.stringMatching(/^line 3: "expected" must be a string/)]],
    ]);
    expect(report.summary.problems).toEqual({ 'empty-passed': 1, 'invalid-task': 1 });
  });

  it('checks regex tasks against their reference answer, and reports a missing or failing one', async () => {
    const report = await validateJsonlDataset({
      lines: [
        '{"id":"date","input":"Today?","expected":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$","reference":"2026-11-22"}',
        '{"id":"wrong-reference","input":"Today?","expected":"^\\\\d{4}$","reference":"May"}',
        '{"id":"unchecked","input":"Year?","expected":"^\\\\d{4}$"}',
      ],
      judge: { kind: 'regex' },
    });
    expect(report.tasks.map((task) => [task.taskId, task.problems.map((problem) => problem.code)])).toEqual([
      ['date', []],
      ['wrong-reference', ['reference-failed']],
      ['unchecked', ['no-reference']],
    ]);
  });

  it("runs a command judge's checker on output.txt and task.json", async () => {
    // The checker passes when output.txt equals the task's expected value.
    const checker = [
      "const fs = require('node:fs');",
      "const task = JSON.parse(fs.readFileSync('task.json', 'utf8'));",
      "process.exit(fs.readFileSync('output.txt', 'utf8').trim() === task.expected ? 0 : 1);",
    ].join('');
    const report = await validateJsonlDataset({
      lines: ['{"id":"greet","input":"Greet","expected":"hello","reference":"hello"}'],
      judge: { kind: 'command', command: process.execPath, args: ['-e', checker] },
    });
    expect(report.tasks).toEqual([{ taskId: 'greet', ok: true, problems: [] }]);
  });
});
