import { describe, expect, it } from 'vitest';
import { aider } from './aider';
import { attemptInput, fakeAgent, never, testWorkDir } from './command-test-helpers';

const fakeAider = fakeAgent(aider, 'fake-aider.mjs', { extraArgs: ['--no-auto-commits'] });
const workDir = testWorkDir();

describe('aider', () => {
  it('runs aider --message <message> --yes-always --no-pretty [extraArgs]', async () => {
    expect(aider({ model: 'sonnet' })).toMatchObject({
      id: 'aider',
      command: 'aider',
      args: ['--message', '{message}', '--yes-always', '--no-pretty', '--model', 'sonnet'],
    });
    const result = await fakeAider('ok').attempt(attemptInput(workDir()), never);
    expect(result.output).toContain(
      'argv: ["--message","Write hello.py","--yes-always","--no-pretty","--no-auto-commits"]',
    );
  });

  it("reads aider's text into the reply, status lines and the usage it printed", async () => {
    const result = await fakeAider('ok').attempt(attemptInput(workDir()), never);
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
      .attempt(attemptInput(workDir()), never)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ reason: 'rate-limited', isRetryable: true });
    expect((error as Error).message).toContain('litellm.RateLimitError');
  });
});
