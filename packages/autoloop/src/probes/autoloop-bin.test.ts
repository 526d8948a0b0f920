import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { readLog } from '../state/read-log';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(packageDir, 'src', 'cli', 'bin.ts');
const tsx = import.meta.resolve('tsx');

const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // It has ended already.
    }
  }
});

/** `ratchet-autoloop` from sources, as its own process (not awaited: the test may signal it). */
function autoloop(args: readonly string[]) {
  const child = execa(process.execPath, ['--import', tsx, '--conditions=@ratchet/source', bin, ...args], {
    reject: false,
    env: { NO_COLOR: '1' },
  });
  if (child.pid !== undefined) started.push(child.pid);
  return child;
}

type Child = ReturnType<typeof autoloop>;

/** Resolves once the child's stderr so far matches `pattern`. */
function stderrShows(child: Child, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((resolve) => {
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve();
    });
  });
}

const state = (root: string) => JSON.parse(readFileSync(join(root, 'autoloop_state.json'), 'utf8'));

/**
 * The bin end to end on the dsl-controller example: Ctrl+C in the middle of iteration 2 (exit 130, state
 * `interrupted`), then a SIGKILL in the middle of the resumed iteration 2 (nothing is saved, the lock is
 * left behind), then the same command again: it recovers the dead process's lock, resumes, and stops at
 * max_iterations with state, log, handoffs and target consistent.
 */
describe('ratchet-autoloop as a process', () => {
  it('survives Ctrl+C and SIGKILL mid-iteration and resumes to a stop rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'autoloop-bin-'));
    const target = join(dir, 'target');
    cpSync(join(packageDir, 'examples', 'dsl-controller'), target, { recursive: true });
    const stateRoot = join(dir, 'state');
    const args = [
      '--target',
      target,
      '--state-root',
      stateRoot,
      '--store',
      `sqlite:${join(dir, 'corpus.db')}`,
      '--max-iterations',
      '3',
      '--plateau-window',
      '5',
    ];

    const first = autoloop(args);
    await stderrShows(first, /iteration 2: improving/);
    first.kill('SIGINT');
    const interrupted = await first;
    expect(interrupted.exitCode, interrupted.stderr).toBe(130);
    expect(interrupted.stderr).toMatch(/interrupted: .*Resume with: ratchet-autoloop --target /);
    expect(state(stateRoot)).toMatchObject({ status: 'interrupted', iterations_completed: 1 });
    expect(existsSync(join(stateRoot, 'autoloop.lock'))).toBe(false);

    const second = autoloop(args);
    await stderrShows(second, /iteration 2: improving/);
    second.kill('SIGKILL');
    const killed = await second;
    expect(killed.signal).toBe('SIGKILL');
    expect(JSON.parse(readFileSync(join(stateRoot, 'autoloop.lock'), 'utf8')).pid).toBe(second.pid);
    expect(state(stateRoot)).toMatchObject({ status: 'running', iterations_completed: 1 });

    const third = await autoloop(args);
    expect(third.exitCode, third.stderr).toBe(0);
    expect(third.stderr).toContain(`recovered a stale lock of pid ${second.pid}`);
    expect(third.stderr).toMatch(/resuming: 1 iterations done, status running/);
    expect(third.stderr).toMatch(/stopped: max_iterations: 3 of 3 iterations completed/);
    const final = state(stateRoot);
    expect(final).toMatchObject({ status: 'stopped_max_iterations', iterations_completed: 3 });
    expect(final.score_history.map((entry: { iteration: number }) => entry.iteration)).toEqual([1, 2, 3]);
    // Logged: 1, the Ctrl+C'd try of 2, then 2 and 3 (the SIGKILLed try had no chance to write).
    const { entries, torn } = await readLog(stateRoot);
    expect(torn).toBeNull();
    expect(entries.map((entry) => entry.iteration)).toEqual([1, 2, 2, 3]);
    expect(readdirSync(join(stateRoot, 'handoffs')).sort()).toEqual([
      'iteration-1.md',
      'iteration-2.md',
      'iteration-3.md',
    ]);
    expect(existsSync(join(stateRoot, 'autoloop.lock'))).toBe(false);
    // The target holds the last kept candidate, or its first controller when none was kept.
    const kept = final.score_history.filter((entry: { decision: string }) => entry.decision === 'keep');
    const targetHash = final.score_history.at(-1).target_hash;
    expect(targetHash).toBe(kept.at(-1)?.candidate_id ?? final.initial_target_hash);
  }, 240_000);
});
