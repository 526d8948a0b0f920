import { JudgeInfraError } from '@ratchet/judges';
import { describe, expect, it } from 'vitest';
import { InfraError } from '../contracts/infra-error';
import { CellInfraFailure, withInfraRetries } from './retry';

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('withInfraRetries', () => {
  it('backs off exponentially, and waits the retry-after a provider names', async () => {
    const { waits, sleep } = recordingSleep();
    let calls = 0;
    const result = await withInfraRetries(
      async () => {
        calls++;
        if (calls === 1) throw new InfraError('busy');
        if (calls === 2) throw new InfraError('rate limited', { retryAfterMs: 7000 });
        if (calls === 3)
          throw new JudgeInfraError({
            source: 'judge',
            reason: 'timeout',
            message: 'judge timed out',
            isRetryable: true,
          });
        return 'done';
      },
      { retries: 3, backoffMs: 100, sleep },
      new AbortController().signal,
    );
    expect(result).toBe('done');
    expect(waits).toEqual([100, 7000, 400]);
  });

  it('gives up after the retries, or at once for a non-retryable infra error', async () => {
    const { sleep } = recordingSleep();
    const always = () => Promise.reject(new InfraError('down'));
    await expect(
      withInfraRetries(always, { retries: 2, backoffMs: 1, sleep }, new AbortController().signal),
    ).rejects.toThrow(CellInfraFailure);
    // Asserted on the rejection itself, so the test fails if nothing throws.
    await expect(
      withInfraRetries(
        () => Promise.reject(new InfraError('bad key', { isRetryable: false })),
        { retries: 5, backoffMs: 1, sleep },
        new AbortController().signal,
      ),
    ).rejects.toMatchObject({ infra: { error: 'bad key', retries: 0 } });
  });

  it('passes any other error through untouched: it is not infra', async () => {
    const agentBug = new TypeError('output is undefined');
    await expect(
      withInfraRetries(() => Promise.reject(agentBug), { retries: 3, backoffMs: 1 }, new AbortController().signal),
    ).rejects.toBe(agentBug);
  });
});
