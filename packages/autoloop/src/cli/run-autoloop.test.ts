import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '@ratchet/config';
import { describe, expect, it } from 'vitest';
import type { LoopSettings, Orchestrator } from '../autoloop-types';
import { scriptedError, scriptedKeep, scriptedOrchestrator, scriptedReject } from '../loop/scripted-orchestrator';
import { AutoloopLockedError } from '../state/autoloop-locked-error';
import { acquireLock } from '../state/state-lock';
import type { AutoloopInvocation } from './autoloop-flags';
import { runAutoloop } from './run-autoloop';

const settings: LoopSettings = {
  maxIterations: 3,
  maxCostUsd: 10,
  plateauWindow: 3,
  cooldownMinutes: 0,
  mode: 'single-run',
  dryRun: false,
  maxConsecutiveErrors: 2,
  minImprovement: 0,
};

function setup(overrides: Partial<LoopSettings> = {}) {
  const target = mkdtempSync(join(tmpdir(), 'al-target-'));
  const stateRoot = join(mkdtempSync(join(tmpdir(), 'al-state-')), 'state');
  const invocation: AutoloopInvocation = { target, stateRoot, store: null, settings: { ...settings, ...overrides } };
  const lines: string[] = [];
  let loads = 0;
  let closed = 0;
  const run = (orchestrator: Orchestrator, signal = new AbortController().signal) =>
    runAutoloop({
      invocation,
      signal,
      loadTarget: async () => {
        loads++;
        return {
          orchestrator,
          description: 'scripted controller',
          close: async () => {
            closed++;
          },
        };
      },
      stderr: { write: (text: string) => lines.push(...text.trimEnd().split('\n')) },
      commandLine: 'ratchet-autoloop --target t --state-root s',
      now: () => new Date('2026-12-01T12:00:00Z'),
    });
  return { invocation, lines, run, loads: () => loads, closed: () => closed };
}

describe('runAutoloop', () => {
  it('prints a line per iteration and one naming the stop rule and the handoff, then lets go of the lock', async () => {
    const { invocation, lines, run, closed } = setup();
    const code = await run(
      scriptedOrchestrator([
        scriptedKeep('h1', { spendUsd: 1.5, estimate: 0.1, ci: [0.04, 0.16] }),
        scriptedReject('h1', { spendUsd: 1 }),
        scriptedKeep('h2', { spendUsd: 0.5 }),
      ]),
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe(
      `autoloop on ${invocation.target}: scripted controller; single-run, 3 iterations, $10 cap → state in ${invocation.stateRoot}`,
    );
    expect(lines[1]).toBe(
      'iteration 1/3 keep  lift +0.100 [+0.040, +0.160]  spend $1.50 of $10.00  plateau 0/3  errors 0/2',
    );
    expect(lines[3]).toMatch(/^iteration 3\/3 keep .* stop: max_iterations: 3 of 3 iterations completed$/);
    expect(lines[4]).toBe(
      `stopped: max_iterations: 3 of 3 iterations completed · 3 iterations, $3.00 spent · handoff: ${join(invocation.stateRoot, 'handoffs', 'iteration-3.md')}`,
    );
    expect(existsSync(join(invocation.stateRoot, 'handoffs', 'iteration-3.md'))).toBe(true);
    expect(existsSync(join(invocation.stateRoot, 'autoloop.lock'))).toBe(false);
    expect(closed()).toBe(1);
  });

  it('exits 1 when the loop stopped because its iterations kept failing', async () => {
    const { lines, run } = setup();
    const code = await run(scriptedOrchestrator([scriptedError('boom'), scriptedError('boom again')]));
    expect(code).toBe(1);
    expect(lines.at(-1)).toMatch(/^stopped: consecutive_errors: 2 failed iterations in a row/);
  });

  it('exits 1 when a scheduled iteration failed, and 0 on a tick before the next run is due', async () => {
    const failing = setup({ mode: 'scheduled', cooldownMinutes: 60 });
    expect(await failing.run(scriptedOrchestrator([scriptedError('provider down')]))).toBe(1);

    const fine = setup({ mode: 'scheduled', cooldownMinutes: 60 });
    const orchestrator = scriptedOrchestrator([scriptedReject('h0')]);
    expect(await fine.run(orchestrator)).toBe(0);
    expect(fine.lines.at(-1)).toMatch(/^scheduled: 1 iterations done; next run due at 2026-12-01T13:00:00.000Z/);
    // The next cron tick, an hour early: no iteration runs, nothing fails.
    expect(await fine.run(orchestrator)).toBe(0);
    expect(orchestrator.calls).toHaveLength(1);
  });

  it('dry run: drives the simulated orchestrator, loads no target and writes nothing', async () => {
    const { invocation, lines, run, loads } = setup({ dryRun: true, maxIterations: 4, plateauWindow: 10 });
    expect(await run(scriptedOrchestrator([]))).toBe(0);
    expect(loads()).toBe(0);
    expect(existsSync(invocation.stateRoot)).toBe(false);
    expect(lines[0]).toMatch(
      /^autoloop dry run on .*: simulated iterations \(simulated dollars\).*nothing is written$/,
    );
    expect(lines.filter((line) => line.startsWith('iteration '))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^stopped: max_iterations: 4 of 4 .* dry run: no handoff written$/);
  });

  it('refuses a second loop on a locked state root, naming the holder, and a target that does not exist', async () => {
    const { invocation, run, loads } = setup();
    const held = await acquireLock(invocation.stateRoot, { command: 'the first loop' });
    await expect(run(scriptedOrchestrator([]))).rejects.toThrow(AutoloopLockedError);
    await expect(run(scriptedOrchestrator([]))).rejects.toThrow(`pid ${process.pid}`);
    expect(loads()).toBe(0);
    await held.release();

    const missing = setup();
    const gone = { ...missing.invocation, target: join(missing.invocation.target, 'nope') };
    await expect(
      runAutoloop({
        invocation: gone,
        signal: new AbortController().signal,
        loadTarget: async () => {
          throw new Error('not reached');
        },
        stderr: { write: () => true },
        commandLine: '',
      }),
    ).rejects.toThrow(UsageError);
  });

  it('on Ctrl+C exits 130 with the command that resumes', async () => {
    const { invocation, lines, run } = setup();
    const controller = new AbortController();
    const code = await run(
      scriptedOrchestrator([
        async (context) => {
          controller.abort(new DOMException('stopped by SIGINT', 'AbortError'));
          throw context.signal.reason;
        },
      ]),
      controller.signal,
    );
    expect(code).toBe(130);
    expect(lines.at(-1)).toMatch(
      /^interrupted: .*; state saved \(0 iterations done\)\. Resume with: ratchet-autoloop --target t --state-root s/,
    );
    expect(JSON.parse(readFileSync(join(invocation.stateRoot, 'autoloop_state.json'), 'utf8')).status).toBe(
      'interrupted',
    );
  });
});
