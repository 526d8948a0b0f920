import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttemptResult, Worker } from '@ratchet/runtime';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type MockModelApi, type RecordedRequest, startMockModelApi } from '../test';
import { claudeCode } from './claude-code';
import { codex } from './codex';
import { attemptInput, installedCli, isolatedHomeEnv, makeWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';
import type { CommandWorkerOptions } from './command-worker-options';
import { opencode } from './opencode';

// The installed CLIs, run through their presets against the local mock of their model API (no key, no
// network): a message that starts with `-` must reach the API as the prompt, exactly (quotes, a
// number, a double space and a line break included).
const message = '- Fix the 2 bugs in "parse.ts"  (both)\n- then run the tests';

let api: MockModelApi;
let home: string;
let workDir: string;
beforeEach(async () => {
  // Every model call is refused: the test needs only the request that carries the prompt.
  api = await startMockModelApi({ scenarios: { kind: 'unauthorized' } });
  home = await mkdtemp(join(tmpdir(), 'ratchet-cli-home-'));
  workDir = await makeWorkDir();
  await mkdir(join(home, 'codex'));
});
afterEach(async () => {
  await api.close();
  await rm(home, { recursive: true, force: true });
  await rm(workDir, { recursive: true, force: true });
});

/** A home of its own, so neither a developer's login nor their config takes part. */
const isolated = () => isolatedHomeEnv(home);

/**
 * Starts an attempt and resolves with the first request to the mock whose body holds the message,
 * then aborts the attempt (the CLI would go on retrying the refused key). An attempt that ends
 * first (the CLI refused its arguments) fails the test with what it printed.
 */
async function promptReachingApi(worker: Worker): Promise<RecordedRequest> {
  const controller = new AbortController();
  const attempt = worker.attempt(attemptInput(workDir, message), controller.signal);
  const ended = attempt.then(
    (result: AttemptResult) => {
      throw new Error(`the CLI ended before sending the prompt: ${JSON.stringify(result.failure ?? result.output)}`);
    },
    (error: unknown) => {
      throw error;
    },
  );
  try {
    const carriesMessage = (request: RecordedRequest) =>
      JSON.stringify(request.body).includes(JSON.stringify(message).slice(1, -1));
    return await Promise.race([api.waitFor(carriesMessage), ended]);
  } finally {
    controller.abort();
    await attempt.catch(() => undefined);
  }
}

describe('the presets with the installed CLIs', () => {
  it('Claude Code 2.1 sends a message starting with - as the prompt', { timeout: 60_000 }, async () => {
    const worker = commandWorker(
      claudeCode({
        ...installedCli('claude-code'),
        env: { ...isolated(), ANTHROPIC_BASE_URL: api.url, ANTHROPIC_API_KEY: 'sk-ant-test-stub' },
      }),
    );
    const request = await promptReachingApi(worker);
    // Keys are recorded masked to their last 4 characters.
    expect(request).toMatchObject({ method: 'POST', path: '/v1/messages', headers: { 'x-api-key': '[masked …stub]' } });
  });

  it('Codex 0.169 sends a message starting with - as the prompt', { timeout: 60_000 }, async () => {
    const provider = `{ name = "stub", base_url = "${api.url}/v1", env_key = "RATCHET_STUB_KEY", wire_api = "responses" }`;
    const worker = commandWorker(
      codex({
        ...installedCli('codex'),
        extraArgs: ['--skip-git-repo-check', '-c', 'model_provider=stub', '-c', `model_providers.stub=${provider}`],
        env: { ...isolated(), RATCHET_STUB_KEY: 'sk-codex-test-stub' },
      }),
    );
    const request = await promptReachingApi(worker);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/responses',
      headers: { authorization: '[masked …stub]' },
    });
  });

  it("opencode 1.18 sends a message starting with - as the prompt, with the work dir's opencode.json", {
    timeout: 60_000,
  }, async () => {
    // The provider exists only in the work dir's config: opencode finds it only when it works there.
    const config = {
      provider: {
        stub: {
          npm: '@ai-sdk/openai-compatible',
          options: { baseURL: `${api.url}/v1`, apiKey: 'sk-stub-from-work-dir' },
          models: { m1: { name: 'm1' } },
        },
      },
    };
    await writeFile(join(workDir, 'opencode.json'), JSON.stringify(config));
    const worker = commandWorker(opencode({ ...installedCli('opencode'), model: 'stub/m1', env: isolated() }));
    const request = await promptReachingApi(worker);
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      headers: { authorization: '[masked …-dir]' },
    });
  });
});

describe('the flags the presets pass', () => {
  it.each([
    ['claude-code', claudeCode],
    ['codex', codex],
    ['opencode', opencode],
  ] as const)('are all in the --help of the installed %s', { timeout: 30_000 }, async (name, preset) => {
    const args = (preset({ model: 'm' }) as CommandWorkerOptions & { args: string[] }).args;
    const subcommands = args.slice(
      0,
      args.findIndex((arg) => arg.startsWith('-')),
    );
    const flags = args.filter((arg) => arg.startsWith('-') && arg !== '--');
    const { command, prefixArgs } = installedCli(name);
    const help = await execa(command, [...prefixArgs, ...subcommands, '--help'], { env: { HOME: home }, all: true });
    const missing = flags.filter((flag) => !new RegExp(`(^|[\\s,])${flag}([\\s,=]|$)`, 'm').test(help.all));
    expect(missing).toEqual([]);
    expect(flags.length).toBeGreaterThan(1);
  });
});
