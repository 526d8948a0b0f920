import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isolatedHomeEnv } from './command-test-helpers';

/** The variable the mock provider's key is read from: codex sends it as `Authorization: Bearer`. */
export const mockKeyVariable = 'RATCHET_MOCK_API_KEY';

/**
 * The `-c` overrides that make codex 0.169 call a mock model API as a model provider of its own
 * (`OPENAI_BASE_URL` is ignored; `openai_base_url` makes it try a WebSocket five times first): a
 * streamed `POST <baseUrl>/responses`. `request_max_retries = 0` makes it give up on an HTTP error
 * at once; `stream_max_retries` (default 0 here, 5 in codex) is how often it reconnects after a failed
 * or dropped stream, honouring `retry-after`. A refused connection it retries for ever, whatever these say.
 *
 * @example
 * mockProviderArgs('http://127.0.0.1:4010/v1')
 * // => ['-c', 'model_provider="mock"', '-c', 'model_providers.mock={ name = "mock", base_url = "http://127.0.0.1:4010/v1", … }']
 */
export function mockProviderArgs(baseUrl: string, options: { streamRetries?: number } = {}): string[] {
  const provider = [
    'name = "mock"',
    `base_url = "${baseUrl}"`,
    `env_key = "${mockKeyVariable}"`,
    'wire_api = "responses"',
    'request_max_retries = 0',
    `stream_max_retries = ${options.streamRetries ?? 0}`,
  ].join(', ');
  return ['--skip-git-repo-check', '-c', 'model_provider="mock"', '-c', `model_providers.mock={ ${provider} }`];
}

/** A home of codex's own (HOME, XDG dirs, CODEX_HOME), so no developer login or config takes part. */
export interface IsolatedHome {
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

export async function isolatedHome(): Promise<IsolatedHome> {
  const home = await mkdtemp(join(tmpdir(), 'ratchet-codex-home-'));
  await mkdir(join(home, 'codex'));
  return {
    env: {
      ...isolatedHomeEnv(home),
    },
    remove: () => rm(home, { recursive: true, force: true }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago): a provider that cannot be reached. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('the test server has no port');
  return address.port;
}
