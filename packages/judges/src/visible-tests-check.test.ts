import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, makeWorkDir } from './process-test-helpers';
import { visibleTestsCheck } from './visible-tests-check';

const node = process.execPath;
let workDir: string;
beforeAll(async () => {
  workDir = await makeWorkDir();
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('visibleTestsCheck', () => {
  it('passes when the visible tests pass, scoring the pass rate', async () => {
    const check = visibleTestsCheck({
      command: node,
      args: [fixture('tap-output.mjs'), '0'],
      report: { format: 'tap' },
    });
    expect(await check.run('output', { workDir })).toMatchObject({
      name: 'visible-tests',
      passed: true,
      score: 1,
      details: { reason: 'passed', counts: { passed: 2, failed: 0, skipped: 1 } },
    });
  });

  it('fails with the pass rate when some visible tests fail', async () => {
    const check = visibleTestsCheck({
      command: node,
      args: [fixture('tap-output.mjs'), '1'],
      report: { format: 'tap' },
    });
    expect(await check.run('output', { workDir })).toMatchObject({ passed: false, score: 2 / 3 });
  });

  it('fails with reason timeout when the visible tests are still running at the time limit', async () => {
    const check = visibleTestsCheck({
      command: node,
      args: [fixture('tap-then-hang.mjs'), 'ok 1 - adds\\n'],
      report: { format: 'tap' },
      timeoutMs: 500,
    });
    expect(await check.run('output', { workDir })).toMatchObject({
      name: 'visible-tests',
      passed: false,
      score: 1,
      details: { reason: 'timeout', counts: { passed: 1, failed: 0, skipped: 0 }, termination: 'timed-out' },
    });
  });

  it('scores null without a report, and throws the same infra errors as the judge', async () => {
    const exitOnly = visibleTestsCheck({ command: node, args: [fixture('exit-code.mjs'), '1'], name: 'smoke' });
    expect(await exitOnly.run(null, { workDir })).toMatchObject({ name: 'smoke', passed: false, score: null });
    const missing = visibleTestsCheck({ command: 'ratchet-no-such-test-runner' });
    await expect(missing.run(null, { workDir })).rejects.toMatchObject({
      reason: 'command-not-found',
      source: 'visible-tests',
    });
  });
});
