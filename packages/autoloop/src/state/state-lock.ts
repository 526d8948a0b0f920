import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { z } from 'zod';
import { AutoloopLockedError, type LockHolder } from './autoloop-locked-error';
import { AutoloopStateError } from './autoloop-state-error';
import { statePaths } from './state-paths';

const lockSchema = z.looseObject({
  pid: z.number().int().positive(),
  hostname: z.string(),
  started_at: z.string(),
  command: z.string().optional(),
});

export interface AcquireLockOptions {
  /** The pid written into the lock (default: this process). */
  readonly pid?: number;
  readonly now?: () => Date;
  /** What is running, shown to a second loop that is refused (e.g. the command line). */
  readonly command?: string;
  /** The host written into the lock and compared with the holder's (default: `os.hostname()`). */
  readonly hostname?: string;
}

export interface StateLock {
  /** What this lock file says; `release` removes the file only while it still says this. */
  readonly holder: LockHolder;
  /** Set when a stale lock of a dead process was replaced: that process's pid and since when it held it. */
  readonly recovered: { readonly pid: number; readonly started_at: string } | null;
  /** Removes the lock if it is still ours; calling it again does nothing. */
  release(): Promise<void>;
}

/** `process.kill(pid, 0)` checks without signalling: ESRCH means no such process; EPERM means alive, not ours. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function sameHolder(a: LockHolder, b: LockHolder): boolean {
  return a.pid === b.pid && a.hostname === b.hostname && a.started_at === b.started_at;
}

async function readHolder(file: string): Promise<LockHolder | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = lockSchema.safeParse(value);
  if (parsed.success) {
    const { pid, hostname, started_at, command } = parsed.data;
    return { pid, hostname, started_at, ...(command === undefined ? {} : { command }) };
  }
  throw new AutoloopStateError({
    problem: 'unreadable_lock',
    file,
    detail: 'the lock file exists but is not a readable lock (another autoloop may be writing it right now)',
    action: 'run again in a moment; if it persists and no autoloop is using this state root, delete the lock file',
  });
}

/** Creates the lock file only if none exists (`wx`), writing and syncing its content before closing it. */
async function tryCreate(file: string, holder: LockHolder): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes a stale lock only if it is still the one judged stale: it is renamed aside first, then checked,
 * so that a live lock another process created in between is put back (`link` restores the same file, and
 * never over a lock created meanwhile) rather than deleted. Returns whether the stale lock was removed.
 */
async function removeStale(file: string, stale: LockHolder): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readHolder(aside).catch(() => null);
  if (moved !== null && sameHolder(moved, stale)) {
    await unlink(aside);
    return true;
  }
  await link(aside, file).catch(() => undefined);
  await unlink(aside);
  return false;
}

/**
 * Takes the lock of a state root (`autoloop.lock`: `{ pid, hostname, started_at, command? }`) so that a
 * second loop cannot run on the same state. A lock left by a dead process on this host is recovered and
 * reported in `recovered`; a lock held by a live process, or by any process on another host (its liveness
 * cannot be checked from here), is refused.
 * @throws AutoloopLockedError naming the holder's pid, host and since when.
 * @throws AutoloopStateError `unreadable_lock` when the lock file is not a lock.
 */
export async function acquireLock(stateRoot: string, options: AcquireLockOptions = {}): Promise<StateLock> {
  const file = statePaths(stateRoot).lock;
  const host = options.hostname ?? osHostname();
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    hostname: host,
    started_at: (options.now?.() ?? new Date()).toISOString(),
    ...(options.command === undefined ? {} : { command: options.command }),
  };
  await mkdir(stateRoot, { recursive: true });

  let recovered: StateLock['recovered'] = null;
  let triedRecovery = false;
  // A few tries: as it is, after removing a stale lock, after a holder vanished between two looks.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryCreate(file, holder)) return makeLock(file, holder, recovered);
    const current = await readHolder(file);
    if (current === null) continue;
    const sameHost = current.hostname === host;
    if (!sameHost || isAlive(current.pid) || triedRecovery) {
      throw new AutoloopLockedError({ file, holder: current, sameHost });
    }
    triedRecovery = true;
    if (await removeStale(file, current)) recovered = { pid: current.pid, started_at: current.started_at };
  }
  throw new AutoloopStateError({
    problem: 'unreadable_lock',
    file,
    detail: 'the lock kept changing while it was being taken: another autoloop is starting on this state root',
    action: 'run again in a moment, once only one autoloop uses this state root',
  });
}

function makeLock(file: string, holder: LockHolder, recovered: StateLock['recovered']): StateLock {
  let released = false;
  return {
    holder,
    recovered,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      const current = await readHolder(file).catch(() => null);
      if (current !== null && sameHolder(current, holder)) await unlink(file).catch(() => undefined);
    },
  };
}
