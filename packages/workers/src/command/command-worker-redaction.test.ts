import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandWorker } from './command-worker';

describe('commandWorker redaction', () => {
  it('never returns the value of a secret it was given, in the output or the trace', async () => {
    const worker = commandWorker({
      command: process.execPath,
      args: [
        '-e',
        'console.log("the key is " + process.env.MY_SERVICE_API_KEY); console.error(process.env.MY_SERVICE_API_KEY); process.exit(1)',
      ],
      env: { MY_SERVICE_API_KEY: 'planted-secret-value-42' },
      cwd: mkdtempSync(join(tmpdir(), 'ratchet-redact-')),
    });
    const result = await worker.attempt(
      {
        task: { id: 't', split: 'train', input: 'go' },
        handle: null,
        steer: null,
        checkpoint: null,
        budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
        seed: 's',
      },
      new AbortController().signal,
    );
    const everything = JSON.stringify(result);
    expect(everything).not.toContain('planted-secret-value-42');
    expect(everything).toContain('[REDACTED]');
    expect(result.failure).toEqual({ reason: 'exit', message: 'the agent exited with code 1', stderr: '[REDACTED]' });
  });
});
