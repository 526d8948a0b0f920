import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutoloopLockedError } from './autoloop-locked-error';
import { AutoloopStateError } from './autoloop-state-error';
import { acquireLock } from './state-lock';

const now = () => new Date('2026-12-01T12:00:00.000Z');

function root(): string {
  return mkdtempSync(join(tmpdir(), 'autoloop-lock-'));
}

/** A pid that cannot be alive: a child that has already exited (spawnSync waits for it). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  if (child.pid === undefined) throw new Error('no child pid');
  return child.pid;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
}

describe('acquireLock', () => {
  it('writes pid, hostname, started_at and command into autoloop.lock', async () => {
    const dir = root();
    const lock = await acquireLock(dir, { now, command: 'ratchet-autoloop --target t' });
    const expected = {
      pid: process.pid,
      hostname: hostname(),
      started_at: '2026-12-01T12:00:00.000Z',
      command: 'ratchet-autoloop --target t',
    };
    expect(JSON.parse(readFileSync(join(dir, 'autoloop.lock'), 'utf8'))).toEqual(expected);
    expect(lock.holder).toEqual(expected);
    expect(lock.recovered).toBeNull();
  });

  it('refuses a second loop on the same state root, naming the holder and how to proceed', async () => {
    const dir = root();
    await acquireLock(dir, { now });
    const error = await rejection(acquireLock(dir, { pid: 4242 }));
    expect(AutoloopLockedError.isInstance(error)).toBe(true);
    expect(AutoloopStateError.isInstance(error)).toBe(true);
    const locked = error as AutoloopLockedError;
    expect(locked.problem).toBe('locked');
    expect(locked.holder.pid).toBe(process.pid);
    expect(locked.message).toContain(
      `in use by another autoloop: pid ${process.pid} on host ${hostname()}, since 2026-12-01T12:00:00.000Z`,
    );
    expect(locked.message).toContain(`kill -INT ${process.pid}`);
  });

  it('recovers a stale lock left by a dead process on this host, and says so', async () => {
    const dir = root();
    const dead = deadPid();
    await acquireLock(dir, { pid: dead, now });
    const lock = await acquireLock(dir);
    expect(lock.recovered).toEqual({ pid: dead, started_at: '2026-12-01T12:00:00.000Z' });
    expect(JSON.parse(readFileSync(join(dir, 'autoloop.lock'), 'utf8')).pid).toBe(process.pid);
    // The stale lock moved aside for checking is gone.
    expect(readdirSync(dir)).toEqual(['autoloop.lock']);
  });

  it('refuses a lock from another host even when its pid is dead here', async () => {
    const dir = root();
    await acquireLock(dir, { pid: deadPid(), hostname: 'build-7', now });
    const error = (await rejection(acquireLock(dir))) as AutoloopLockedError;
    expect(AutoloopLockedError.isInstance(error)).toBe(true);
    expect(error.holder.hostname).toBe('build-7');
    expect(error.message).toContain('cannot be checked from this host');
    expect(error.message).toContain('delete the lock file');
  });

  it('refuses a lock file that is not a lock rather than taking it', async () => {
    const dir = root();
    writeFileSync(join(dir, 'autoloop.lock'), '');
    const error = (await rejection(acquireLock(dir))) as AutoloopStateError;
    expect(AutoloopStateError.isInstance(error)).toBe(true);
    expect(AutoloopLockedError.isInstance(error)).toBe(false);
    expect(error.problem).toBe('unreadable_lock');
    expect(readFileSync(join(dir, 'autoloop.lock'), 'utf8')).toBe('');
  });
});

describe('StateLock.release', () => {
  it('removes the lock so the next loop can take it', async () => {
    const dir = root();
    const lock = await acquireLock(dir);
    await lock.release();
    expect(existsSync(join(dir, 'autoloop.lock'))).toBe(false);
    const next = await acquireLock(dir);
    expect(next.recovered).toBeNull();
  });

  it('is idempotent, and a second call does not remove the next holder’s lock', async () => {
    const dir = root();
    const first = await acquireLock(dir, { now });
    await first.release();
    const second = await acquireLock(dir, { now: () => new Date('2026-12-01T13:00:00.000Z') });
    await first.release();
    expect(JSON.parse(readFileSync(join(dir, 'autoloop.lock'), 'utf8')).started_at).toBe(second.holder.started_at);
  });

  it('leaves a lock that is no longer ours', async () => {
    const dir = root();
    const lock = await acquireLock(dir, { now });
    const other = { pid: 999_999, hostname: 'build-7', started_at: '2026-12-02T00:00:00.000Z' };
    writeFileSync(join(dir, 'autoloop.lock'), JSON.stringify(other));
    await lock.release();
    expect(JSON.parse(readFileSync(join(dir, 'autoloop.lock'), 'utf8'))).toEqual(other);
  });
});
