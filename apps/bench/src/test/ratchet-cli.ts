import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const packageDir = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
export const examplesDir = join(packageDir, 'examples');
const cli = join(packageDir, 'src', 'cli.ts');
const tsx = import.meta.resolve('tsx');

/** The real `ratchet` command from sources, as a child process (not awaited: the caller may kill it). */
export function ratchet(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return execa(process.execPath, ['--import', tsx, '--conditions=@ratchet/source', cli, ...args], {
    cwd: options.cwd ?? packageDir,
    reject: false,
    env: { NO_COLOR: '1', ...options.env },
  });
}
