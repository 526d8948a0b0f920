import { describe, expect, it } from 'vitest';
import { claudeCode } from './claude-code';
import { attemptInput, fixture, testWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';

const workDir = testWorkDir();

describe('claudeCode', () => {
  it('runs claude -p <message> --output-format stream-json --verbose', () => {
    const options = claudeCode();
    expect(options).toMatchObject({
      id: 'claude-code',
      command: 'claude',
      args: ['-p', '{message}', '--output-format', 'stream-json', '--verbose'],
    });
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
        'Fix it',
        '--output-format',
        'stream-json',
        '--verbose',
        '--model',
        'sonnet',
        '--permission-mode',
        'acceptEdits',
      ],
    });
    expect(result.output).toBe('done: Fix it');
  });
});
