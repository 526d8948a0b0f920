import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Steer } from '@ratchet/corpus';
import type { AttemptInput, Worker } from '@ratchet/runtime';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { commandWorker } from './command-worker';
import type { CommandWorkerOptions } from './command-worker-options';
import type { EventStreamParser, StreamSummary } from './event-stream-parser';
import type { PresetOptions } from './preset-options';
import type { AgentProcessRun } from './run-agent-process';
import { streamUsage } from './stream-usage';

/** Absolute path of a script under src/command/fixtures. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
}

const packages = {
  'claude-code': '@anthropic-ai/claude-code',
  codex: '@openai/codex',
  opencode: 'opencode-ai',
} as const;

/**
 * How to run a real CLI installed as a devDependency of this package: its own executable, not the
 * package manager's `.bin` shim, which is a `/bin/sh` script (and a shell resets `PWD`).
 */
export function installedCli(name: keyof typeof packages): { command: string; prefixArgs: string[] } {
  const { path, manifest } = installedPackage(name);
  const bin = join(dirname(path), Object.values(manifest.bin)[0] ?? '');
  return bin.endsWith('.js') ? { command: process.execPath, prefixArgs: [bin] } : { command: bin, prefixArgs: [] };
}

/** The version of a real CLI installed as a devDependency, from its package.json. */
export function installedCliVersion(name: keyof typeof packages): string {
  return installedPackage(name).manifest.version;
}

function installedPackage(name: keyof typeof packages) {
  const require = createRequire(import.meta.url);
  const path = require.resolve(`${packages[name]}/package.json`);
  return { path, manifest: require(path) as { bin: Record<string, string>; version: string } };
}

/** A signal that never aborts. */
export const never: AbortSignal = new AbortController().signal;

/**
 * A preset run against its fake CLI under fixtures/ (with `node`): `(scenario, extra) => Worker`, the
 * scenario passed as FAKE_AGENT_SCENARIO; `extra` wins over `base`.
 */
export function fakeAgent(
  preset: (options: PresetOptions) => CommandWorkerOptions,
  script: string,
  base: PresetOptions = {},
): (scenario: string, extra?: PresetOptions) => Worker {
  return (scenario, extra = {}) =>
    commandWorker(
      preset({
        command: process.execPath,
        prefixArgs: [fixture(script)],
        ...base,
        env: { FAKE_AGENT_SCENARIO: scenario },
        ...extra,
      }),
    );
}

/** A work dir for a test file, made before its tests and removed after (`each`: one per test). */
export function testWorkDir(options: { each?: boolean } = {}): () => string {
  let workDir = '';
  const [before, after] = options.each ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    workDir = await makeWorkDir();
  });
  after(async () => {
    await rm(workDir, { recursive: true, force: true });
  });
  return () => workDir;
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

/** How an agent process ended, for tests of what the worker makes of it: by default it exited 0, silent. */
export const processRun = (overrides: Partial<AgentProcessRun> = {}): AgentProcessRun => ({
  termination: 'exited',
  exitCode: 0,
  signal: null,
  durationMs: 10,
  stdoutBytes: 0,
  stderr: { text: '', bytes: 0, droppedBytes: 0 },
  stderrHead: '',
  ...overrides,
});

/** What a parser made of an agent's stdout: by default nothing (status unknown). */
export const streamSummary = (overrides: Partial<StreamSummary> = {}): StreamSummary => ({
  output: null,
  usage: streamUsage({ turns: null, tokensIn: null, tokensOut: null, usd: null }),
  status: 'unknown',
  errors: [],
  providerFailures: [],
  ...overrides,
});

/**
 * The environment that gives a real CLI a home of its own under `home` (HOME, the XDG dirs, Claude
 * Code's and Codex's config dirs), so neither a developer's login nor their config takes part.
 */
export function isolatedHomeEnv(home: string): Record<string, string> {
  return {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local/state'),
    CLAUDE_CONFIG_DIR: join(home, 'claude'),
    CODEX_HOME: join(home, 'codex'),
  };
}

export { isRunning, waitUntilGone } from '@ratchet/judges/test';
