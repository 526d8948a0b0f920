import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Steer } from '@ratchet/corpus';
import type { AttemptInput } from '@ratchet/runtime';
import type { EventStreamParser } from './event-stream-parser';

/** Absolute path of a script under src/command/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A fresh, empty work dir. */
export function makeWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ratchet-command-'));
}

/** An attempt at a task whose input is `prompt`, in `workDir`. */
export function attemptInput(workDir: string, prompt = 'Write hello.py', steer: Steer | null = null): AttemptInput {
  return {
    task: { id: 'task-1', split: 'train', input: prompt },
    handle: { workDir },
    steer,
    checkpoint: null,
    budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
    seed: 'seed-1',
  };
}

/**
 * Whether a process is still running. A zombie (killed, not yet reaped by an init that may never reap
 * it, as in some containers) counts as gone.
 */
export async function isRunning(pid: number): Promise<boolean> {
  if (existsSync('/proc')) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The state letter follows the command name, which is in parentheses and may contain spaces.
      return stat.charAt(stat.lastIndexOf(')') + 2) !== 'Z';
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until the process is gone or `timeoutMs` passes; returns whether it is gone. */
export async function waitUntilGone(pid: number, timeoutMs = 3000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isRunning(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !(await isRunning(pid));
}

/** The two pids a fake agent recorded in pids.txt: its own and its grandchild's. */
export async function recordedPids(workDir: string): Promise<[number, number]> {
  const [own, grandchild] = (await readFile(join(workDir, 'pids.txt'), 'utf8')).split(' ').map(Number);
  return [own ?? 0, grandchild ?? 0];
}

/** Feeds lines (objects as JSON) to a parser, as the worker does, and returns its events and summary. */
export function readStream(parser: EventStreamParser, lines: ReadonlyArray<string | object>) {
  const events = lines.flatMap((line) => parser.parseLine(typeof line === 'string' ? line : JSON.stringify(line)));
  events.push(...(parser.flush?.() ?? []));
  return { events, summary: parser.finish() };
}
