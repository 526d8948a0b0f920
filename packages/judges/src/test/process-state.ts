import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

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
