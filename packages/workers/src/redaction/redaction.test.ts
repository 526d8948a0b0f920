import { openCorpus, unmeasuredUsage } from '@ratchet/corpus';
import { MockJudge } from '@ratchet/judges/test';
import { random, refine, runBenchmark } from '@ratchet/runtime';
import { scriptedEnvironment, scriptedWorker } from '@ratchet/runtime/test';
import { describe, expect, it } from 'vitest';
import { redactText, secretValues } from './redact-secrets';
import { withRedaction } from './with-redaction';

const plantedKey = 'sk-ant-api03-PLANTEDsecretVALUE0123456789abcdef';

describe('secret redaction', () => {
  it('finds the values of secret-looking variables', () => {
    const env = {
      OPENAI_API_KEY: 'abcd1234',
      GITHUB_TOKEN: 'tok-5678',
      DB_PASSWORD: 'hunter22',
      HOME: '/root',
      X_KEY: 'abc',
    };
    expect(secretValues(env).sort()).toEqual(['abcd1234', 'hunter22', 'tok-5678']);
  });

  it('redacts planted values and common credential shapes', () => {
    const text = `using ${plantedKey} and AKIAABCDEFGHIJKLMNOP and ghp_${'a'.repeat(36)} and my-own-value`;
    expect(redactText(text, { secrets: ['my-own-value'] })).toBe(
      'using [REDACTED] and [REDACTED] and [REDACTED] and [REDACTED]',
    );
  });

  it('keeps a planted key out of the corpus, from outputs and traces alike', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const leaky = scriptedWorker(() => ({
      output: `done; the key was ${plantedKey}`,
      events: [
        { type: 'tool-call', data: { command: `curl -H "x-api-key: ${plantedKey}"`, env: 'CUSTOM=hunter2hunter2' } },
      ],
      usage: unmeasuredUsage,
    }));
    const worker = withRedaction(leaky, { env: { ANTHROPIC_API_KEY: plantedKey, CUSTOM_SECRET: 'hunter2hunter2' } });
    const environment = scriptedEnvironment([{ id: 't1', split: 'train', input: 'go', expected: null }]);
    await runBenchmark({
      environment,
      worker,
      judge: new MockJudge(),
      corpus,
      arms: [
        { id: 'random', ...random(2) },
        { id: 'refine', ...refine(2) },
      ],
    });
    const everything = JSON.stringify([
      await corpus.records(),
      await corpus.cells({ runId: (await corpus.runs())[0]?.runId ?? '' }),
    ]);
    expect(everything).not.toContain('PLANTEDsecret');
    expect(everything).not.toContain('hunter2hunter2');
    expect(everything).toContain('[REDACTED]');
    await corpus.close();
  });

  it("redacts the failure's message and stderr as well", async () => {
    const leaky = scriptedWorker(() => ({
      output: null,
      events: [],
      usage: unmeasuredUsage,
      failure: { reason: 'exit', message: `exited after ${plantedKey}`, stderr: 'auth with hunter2hunter2 refused' },
    }));
    const worker = withRedaction(leaky, { env: { CUSTOM_SECRET: 'hunter2hunter2' } });
    const result = await worker.attempt(
      {
        task: { id: 't1', split: 'train', input: 'go' },
        handle: null,
        steer: null,
        checkpoint: null,
        budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
        seed: 's',
      },
      new AbortController().signal,
    );
    expect(result.failure).toEqual({
      reason: 'exit',
      message: 'exited after [REDACTED]',
      stderr: 'auth with [REDACTED] refused',
    });
  });
});
