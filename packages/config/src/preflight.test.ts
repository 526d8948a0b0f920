import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreflightError, preflight } from './preflight';
import { type RatchetConfigInput, ratchetConfigSchema } from './ratchet-config';

// A stand-in for the codex CLI: `--version` prints FAKE_VERSION; `login status` exits FAKE_LOGIN_EXIT.
const fakeCodexSource = `
const args = process.argv.slice(2).join(' ');
if (args === '--version') console.log(process.env.FAKE_VERSION);
else if (args === 'login status') process.exit(Number(process.env.FAKE_LOGIN_EXIT ?? 0));
else process.exit(2);
`;
let scratch = '';
let fakeCodex = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'ratchet-preflight-'));
  fakeCodex = join(scratch, 'fake-codex.mjs');
  await writeFile(fakeCodex, fakeCodexSource);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});
/** The codex preset, run as `node fake-codex.mjs`, with the fake's answers in worker.env. */
const codexWith = (env: Record<string, string>) =>
  configOf({
    worker: { kind: 'preset', preset: 'codex', command: process.execPath, prefixArgs: [fakeCodex], env },
  });

const configOf = (input: Partial<RatchetConfigInput>) =>
  ratchetConfigSchema.parse({ environment: { kind: 'task-directory', path: '/tmp/tasks' }, ...input });

const refusing: typeof fetch = async () => {
  throw new TypeError('fetch failed');
};

describe('preflight', () => {
  it('has nothing to check for a built-in solver', async () => {
    expect(await preflight(ratchetConfigSchema.parse({ environment: { kind: 'dsl' } }))).toEqual([]);
  });

  it('finds a CLI preset on PATH, or says how to install it', async () => {
    const config = configOf({ worker: 'claude-code' });
    const error = await preflight(config, { env: { PATH: '/nonexistent' } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toBe(
      'preflight failed, nothing ran: worker "claude-code" needs the command "claude", which is not on PATH; install it (npm install -g @anthropic-ai/claude-code) or set worker.command to its path',
    );
    const found = await preflight(codexWith({ FAKE_VERSION: 'codex-cli 0.169.0' }), { env: { HOME: scratch } });
    expect(found).toEqual([
      `worker command: ${process.execPath}`,
      'worker version: codex 0.169.0 (supported: >=0.169.0 <0.170.0)',
      'worker credentials: codex login (logged in)',
    ]);
  });

  it('refuses a preset CLI whose version its parser does not support, naming both', async () => {
    const config = codexWith({ FAKE_VERSION: 'codex-cli 0.170.0' });
    await expect(preflight(config, { env: { HOME: scratch } })).rejects.toThrow(
      `preflight failed, nothing ran: worker codex: "${process.execPath}" is version 0.170.0, outside the versions ` +
        'its parser supports (>=0.169.0 <0.170.0); install a supported one (npm install -g @openai/codex@0.169) or set `command` to one',
    );
  });

  it('says which credentials a preset CLI is missing, with the environment the agent would get', async () => {
    const loggedOut = codexWith({ FAKE_VERSION: 'codex-cli 0.169.0', FAKE_LOGIN_EXIT: '1' });
    const error = await preflight(loggedOut, { env: { HOME: scratch, OPENAI_API_KEY: 'sk-test' } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PreflightError);
    expect((error as Error).message).toBe(
      'preflight failed, nothing ran: worker codex: Codex is not logged in (codex login status) and CODEX_API_KEY is not set; ' +
        'set CODEX_API_KEY, or run `codex login` (`printenv OPENAI_API_KEY | codex login --with-api-key` for an API key); ' +
        '`codex exec` does not read OPENAI_API_KEY',
    );
    const withKey = await preflight(loggedOut, { env: { HOME: scratch, CODEX_API_KEY: 'sk-test' } });
    expect(withKey.at(-1)).toBe('worker credentials: CODEX_API_KEY');
  });

  it('looks a bare command up on PATH', async () => {
    const node = await preflight(configOf({ worker: { kind: 'command', command: 'node' } }));
    expect(node[0]).toMatch(/^worker command: .*node$/);
    await expect(
      preflight(configOf({ worker: { kind: 'command', command: 'no-such-agent-cli' } }), {
        env: { PATH: '/nonexistent' },
      }),
    ).rejects.toThrow('needs the command "no-such-agent-cli", which is not on PATH; install it or give its full path');
  });

  it('refuses a worker cwd that is not a directory', async () => {
    const config = configOf({ worker: { kind: 'command', command: process.execPath, cwd: '/nonexistent-dir' } });
    await expect(preflight(config)).rejects.toThrow(
      'worker.cwd /nonexistent-dir is not a directory; create it or fix the path',
    );
  });

  it('names the missing key of a model worker', async () => {
    await expect(preflight(configOf({ worker: 'openai:gpt-4o-mini' }), { env: {} })).rejects.toThrow(
      /^preflight failed, nothing ran: worker model .*OPENAI_API_KEY/,
    );
    expect(await preflight(configOf({ worker: 'openai:gpt-4o-mini' }), { env: { OPENAI_API_KEY: 'sk-test' } })).toEqual(
      ['worker model: openai:gpt-4o-mini'],
    );
  });

  it('stops when a compat endpoint does not answer, for the worker and for the analyst', async () => {
    const compat = 'compat:http://localhost:9/v1#qwen3';
    await expect(preflight(configOf({ worker: compat }), { env: {}, fetch: refusing })).rejects.toThrow(
      'preflight failed, nothing ran: worker model compat:http://localhost:9/v1#qwen3: the endpoint http://localhost:9/v1/models could not be reached',
    );
    const analyst = ratchetConfigSchema.parse({ environment: { kind: 'dsl' }, analyst: compat });
    await expect(preflight(analyst, { env: {}, fetch: refusing })).rejects.toThrow(
      /^preflight failed, nothing ran: analyst model/,
    );
  });
});
