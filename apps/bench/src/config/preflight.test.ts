import { describe, expect, it } from 'vitest';
import { PreflightError, preflight } from './preflight';
import { type RatchetConfigInput, ratchetConfigSchema } from './ratchet-config';

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
    const found = await preflight(configOf({ worker: { kind: 'preset', preset: 'codex', command: process.execPath } }));
    expect(found).toEqual([`worker command: ${process.execPath}`]);
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
