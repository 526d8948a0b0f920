import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aider } from './aider';
import { attemptInput, fixture, makeWorkDir } from './command-test-helpers';
import { commandWorker } from './command-worker';

const never = new AbortController().signal;
const fakeAider = (scenario: string) =>
  commandWorker(
    aider({
      command: process.execPath,
      prefixArgs: [fixture('fake-aider.mjs')],
      extraArgs: ['--no-auto-commits'],
      env: { FAKE_AGENT_SCENARIO: scenario },
    }),
  );
let workDir: string;
beforeAll(async () => {
  workDir = await makeWorkDir();
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('aider', () => {
  it('runs aider --message <message> --yes-always --no-pretty [extraArgs]', async () => {
    expect(aider({ model: 'sonnet' })).toMatchObject({
      id: 'aider',
      command: 'aider',
      args: ['--message', '{message}', '--yes-always', '--no-pretty', '--model', 'sonnet'],
    });
    const result = await fakeAider('ok').attempt(attemptInput(workDir), never);
    expect(result.output).toContain(
      'argv: ["--message","Write hello.py","--yes-always","--no-pretty","--no-auto-commits"]',
    );
  });

  it("reads aider's text into the reply, status lines and the usage it printed", async () => {
    const result = await fakeAider('ok').attempt(attemptInput(workDir), never);
    expect(result.output).toMatch(/^argv: .*\n\ndone: Write hello.py\n\nhello.py\n```python\n/);
    expect(result.output).toMatch(/>>>>>>> REPLACE\n```$/);
    expect(
      result.events.filter((event) => event.type === 'log').map((event) => (event.data as { text: string }).text),
    ).toEqual([
      'Aider v0.86.1',
      'Main model: anthropic/claude-sonnet-4-5 with diff edit format, infinite output',
      'Git repo: .git with 3 files',
      'Repo-map: using 4096 tokens, auto refresh',
      'Tokens: 2.4k sent, 210 received. Cost: $0.0098 message, $0.0098 session.',
      'Applied edit to hello.py',
      'Commit 1a2b3c4 feat: print hello',
    ]);
    expect(result.usage).toEqual({ turns: 1, tokensIn: 2400, tokensOut: 210, usd: 0.0098, costProvenance: 'measured' });
  });

  it('throws a retryable InfraError when every model call was rate-limited', async () => {
    const error = await fakeAider('rate-limit')
      .attempt(attemptInput(workDir), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'rate-limited', isRetryable: true });
    expect((error as Error).message).toContain('litellm.RateLimitError');
  });
});
