import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of a script under src/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

/** A fresh, empty work dir. */
export function makeWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'ratchet-judges-'));
}

export { isRunning, waitUntilGone } from './test/process-state';
