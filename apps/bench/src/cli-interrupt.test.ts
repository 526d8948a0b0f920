import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openCorpus } from '@ratchet/corpus';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { packageDir, writeSlowDslConfig } from './test/ratchet-cli';

const rootDir = join(packageDir, '..', '..');
const tsx = import.meta.resolve('tsx');

/** Processes (negative: process groups) a test started; killed after it, whether it passed or not. */
const started: number[] = [];
afterEach(() => {
  for (const pid of started.splice(0)) signalIfAlive(pid, 'SIGKILL');
});

function signalIfAlive(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // It has ended already.
  }
}

/**
 * `node tools/toolchain.mjs pnpm exec node cli.ts …`: the toolchain parent, `pnpm exec` and the CLI from
 * sources, leading their own process group as a terminal's foreground job does. (`npm run ratchet` runs
 * the built CLI without pnpm in between.) pnpm makes it the harder case: on Ctrl+C it sends the CLI a
 * SIGTERM on top of the terminal's SIGINT, and dies by SIGINT at once, which the toolchain reports as 130.
 */
function ratchetThroughToolchain(args: readonly string[]) {
  const cli = ['node', '--import', tsx, '--conditions=@ratchet/source', join(packageDir, 'src', 'cli.ts')];
  const chain = execa(process.execPath, [join(rootDir, 'tools', 'toolchain.mjs'), 'pnpm', 'exec', ...cli, ...args], {
    cwd: rootDir,
    detached: true,
    reject: false,
    env: { NO_COLOR: '1' },
  });
  // A missing pid must not become -0: process.kill(-0) signals the test runner's own group.
  if (chain.pid === undefined) throw new Error('the toolchain could not be started');
  started.push(-chain.pid);
  return chain;
}

type Chain = ReturnType<typeof ratchetThroughToolchain>;

/** Ctrl+C in a terminal: SIGINT to every process of the foreground group at once. */
const pressCtrlC = (chain: Chain) => signalIfAlive(-(chain.pid as number), 'SIGINT');

/** Resolves once the chain's stderr so far matches `pattern`. */
function stderrShows(chain: Chain, pattern: RegExp): Promise<void> {
  let seen = '';
  return new Promise((resolve) => {
    chain.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolve();
    });
  });
}

const scratch = () => mkdtempSync(join(tmpdir(), 'ratchet-interrupt-'));
const stopping = 'Stopping: keeping every finished cell (Ctrl+C again to quit at once)';

/**
 * A run whose agent (src/fixtures/stubborn-agent.mjs) ignores SIGTERM and answers only after 20 s, so
 * a graceful stop waits out the harness's kill grace. `agentStarted` resolves once the agent runs.
 */
function stubbornAgentRun() {
  const dir = scratch();
  const pidFile = join(dir, 'agent.pid');
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'jsonl', path: join(rootDir, 'packages/environments/examples/arithmetic.jsonl') },
      judge: { kind: 'numeric' },
      worker: {
        kind: 'command',
        command: process.execPath,
        args: [join(packageDir, 'src/fixtures/stubborn-agent.mjs'), pidFile, '{message}'],
      },
      arms: [
        { strategy: 'random', k: 1 },
        { strategy: 'refine', k: 1 },
      ],
      concurrency: 1,
    }),
  );
  const agentStarted = async (chain: Chain) => {
    let ended = false;
    void chain.then(() => {
      ended = true;
    });
    while (!ended) {
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0;
      if (pid > 0) {
        // In a process group of its own, it outlives a CLI that quits at once.
        started.push(pid);
        return;
      }
      await sleep(50);
    }
    throw new Error(`the run ended before its agent started:\n${(await chain).stderr}`);
  };
  return { store: `sqlite:${join(dir, 'corpus.db')}`, config, agentStarted };
}

describe('Ctrl+C through the toolchain and pnpm', () => {
  it('one press stops gracefully: the partial report, the resume command, the run recorded as interrupted', async () => {
    const { config, store } = writeSlowDslConfig(scratch());
    const chain = ratchetThroughToolchain(['--store', store, 'run', config]);
    await stderrShows(chain, /^cells \d+\/24/m);
    pressCtrlC(chain);
    const result = await chain;

    expect(result.exitCode, result.stderr).toBe(130);
    expect(result.stderr.split(stopping)).toHaveLength(2);
    expect(result.stdout).toContain('Interrupted: every finished cell is recorded');
    const runId = /Resume with:\n {2}ratchet .* --run-id (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(runId).toMatch(/^dsl-[0-9a-f]{10}$/);
    const corpus = await openCorpus(store);
    try {
      expect((await corpus.manifest(runId))?.status).toBe('interrupted');
    } finally {
      await corpus.close();
    }
  }, 60_000);

  it('a press while an agent runs stops without recording the attempt it cut short as the agent failing', async () => {
    const { store, config, agentStarted } = stubbornAgentRun();
    const chain = ratchetThroughToolchain(['--store', store, 'run', config]);
    await agentStarted(chain);
    pressCtrlC(chain);
    // The agent ignores SIGTERM: the graceful stop waits out the harness's 5 s kill grace.
    const result = await chain;

    expect(result.exitCode, result.stderr).toBe(130);
    const runId = /--run-id (\S+)/.exec(result.stdout)?.[1] ?? '';
    expect(runId).toMatch(/^jsonl-dataset-[0-9a-f]{10}$/);
    const corpus = await openCorpus(store);
    try {
      expect((await corpus.manifest(runId))?.status).toBe('interrupted');
      expect(await corpus.recordIds({ runId })).toEqual([]);
      expect(await corpus.cells({ runId })).toEqual([]);
    } finally {
      await corpus.close();
    }
  }, 60_000);

  it('a second press, later, quits at once while an agent is slow to stop', async () => {
    const { store, config, agentStarted } = stubbornAgentRun();
    const chain = ratchetThroughToolchain(['--store', store, 'run', config]);
    await agentStarted(chain);
    const stopped = stderrShows(chain, /^Stopping: /m);
    pressCtrlC(chain);
    await stopped;
    await sleep(1500);
    pressCtrlC(chain);
    const result = await chain;

    expect(result.exitCode, result.stderr).toBe(130);
    expect(result.stderr.split(stopping)).toHaveLength(2);
    expect(result.stdout).not.toContain('Resume with:');
  }, 60_000);
});
