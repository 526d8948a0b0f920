import { writeFileSync } from 'node:fs';
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

/**
 * The small dsl run the interrupt and resume tests share — 24 cells, one at a time, a few seconds in
 * all — written as `ratchet.config.json` in `dir`; returns the config's path and a store beside it.
 */
export function writeSlowDslConfig(dir: string): { config: string; store: string } {
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'dsl', count: 20, seed: 0 },
      arms: [
        { strategy: 'random', k: 2 },
        { strategy: 'refine', k: 2 },
      ],
      concurrency: 1,
      seed: 11,
    }),
  );
  return { config, store: `sqlite:${join(dir, 'corpus.db')}` };
}

/** The `ratchet` command line from sources, as a shell words string (for pipelines in tests). */
export function ratchetShellCommand(args: readonly string[]): string {
  return [process.execPath, '--import', tsx, '--conditions=@ratchet/source', cli, ...args]
    .map((word) => `'${word.replaceAll("'", "'\\''")}'`)
    .join(' ');
}
