import { afterEach, describe, expect, it, vi } from 'vitest';
import { claudeCode } from './claude-code';
import { attemptInput, fixture, testWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';

const workDir = testWorkDir();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('claudeCode', () => {
  it('runs claude -p --output-format stream-json --verbose -- <message>', () => {
    const options = claudeCode();
    expect(options).toMatchObject({
      id: 'claude-code',
      command: 'claude',
      args: ['-p', '--output-format', 'stream-json', '--verbose', '--', '{message}'],
    });
  });

  it('passes a message that starts with a dash after --, so it is not read as an option', async () => {
    const worker = commandWorker(claudeCode({ command: process.execPath, prefixArgs: [fixture('fake-claude.mjs')] }));
    const result = await worker.attempt(
      attemptInput(workDir(), '- Fix the bug\n- Add a test'),
      new AbortController().signal,
    );
    expect(result.events[0]?.data).toMatchObject({
      argv: ['-p', '--output-format', 'stream-json', '--verbose', '--', '- Fix the bug\n- Add a test'],
    });
    expect(result.output).toBe('done: - Fix the bug\n- Add a test');
  });

  it('adds --model and the extra arguments after its own flags', async () => {
    const worker = commandWorker(
      claudeCode({
        command: process.execPath,
        prefixArgs: [fixture('fake-claude.mjs')],
        model: 'sonnet',
        extraArgs: ['--permission-mode', 'acceptEdits'],
      }),
    );
    expect(worker).toMatchObject({ id: 'claude-code', model: 'sonnet' });
    const result = await worker.attempt(attemptInput(workDir(), 'Fix it'), new AbortController().signal);
    expect(result.events[0]?.data).toMatchObject({
      argv: [
        '-p',
        '--output-format',
        'stream-json',
        '--verbose',
        '--model',
        'sonnet',
        '--permission-mode',
        'acceptEdits',
        '--',
        'Fix it',
      ],
    });
    expect(result.output).toBe('done: Fix it');
  });

  it('limits Claude Code to 3 API retries unless env or the environment sets CLAUDE_CODE_MAX_RETRIES', () => {
    vi.stubEnv('CLAUDE_CODE_MAX_RETRIES', undefined);
    expect(claudeCode({ env: { ANTHROPIC_API_KEY: 'k' } }).env).toEqual({
      CLAUDE_CODE_MAX_RETRIES: '3',
      ANTHROPIC_API_KEY: 'k',
    });
    expect(claudeCode({ env: { CLAUDE_CODE_MAX_RETRIES: '10' } }).env).toEqual({ CLAUDE_CODE_MAX_RETRIES: '10' });
    vi.stubEnv('CLAUDE_CODE_MAX_RETRIES', '0');
    expect(claudeCode().env).toBeUndefined();
  });
});
