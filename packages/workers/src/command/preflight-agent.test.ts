import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkerConfigError } from '../worker-config-error';
import { fixture, testWorkDir } from './command-test-helpers';
import { type AgentPreflightOptions, preflightAgent } from './preflight-agent';

const home = testWorkDir({ each: true });
const fake = { command: process.execPath, prefixArgs: [fixture('fake-cli-probe.mjs')] };
/** A CLI that says what `answers` say, in a home of its own. */
const options = (
  answers: Record<string, string>,
  rest: Partial<AgentPreflightOptions> = {},
): AgentPreflightOptions => ({
  ...fake,
  env: { HOME: home(), ...answers },
  ...rest,
});
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

const loggedOut = JSON.stringify({ loggedIn: false, authMethod: 'none', apiProvider: 'firstParty' });
const withKey = JSON.stringify({ loggedIn: true, authMethod: 'api_key', apiKeySource: 'ANTHROPIC_API_KEY' });

describe('preflightAgent', () => {
  it('refuses a version outside the range the parser supports, naming both', async () => {
    const error = await failure(preflightAgent('claude-code', options({ FAKE_CLI_VERSION: '2.3.0 (Claude Code)' })));
    expect(error).toBeInstanceOf(WorkerConfigError);
    expect((error as Error).message).toBe(
      `claude-code: "${process.execPath}" is version 2.3.0, outside the versions its parser supports (>=2.1.0 <2.2.0); ` +
        'install a supported one (npm install -g @anthropic-ai/claude-code@2.1) or set `command` to one',
    );
  });

  it('says what the CLI answered when --version fails or prints no version', async () => {
    const failed = { FAKE_CLI_VERSION: 'error: config is broken', FAKE_CLI_VERSION_EXIT: '1' };
    expect(((await failure(preflightAgent('codex', options(failed)))) as Error).message).toBe(
      `codex: \`${process.execPath} --version\` failed (exit 1): error: config is broken; ` +
        `check that "${process.execPath}" is the CLI (npm install -g @openai/codex@0.169)`,
    );
    expect(((await failure(preflightAgent('codex', options({ FAKE_CLI_VERSION: 'hello' })))) as Error).message).toMatch(
      /^codex: `.*--version` printed no version: hello;/,
    );
  });

  it('names the command that is not there', async () => {
    const error = await failure(preflightAgent('opencode', { command: '/nonexistent/opencode', env: {} }));
    expect((error as Error).message).toBe(
      'opencode: the command "/nonexistent/opencode" was not found; install the CLI or give its path in `command`',
    );
  });

  it("reads Claude Code's login from claude auth status, and says what to set when there is none", async () => {
    const version = { FAKE_CLI_VERSION: '2.1.328 (Claude Code)' };
    expect(await preflightAgent('claude-code', options({ ...version, FAKE_CLI_AUTH_STATUS: withKey }))).toEqual({
      version: '2.1.328',
      supportedVersions: '>=2.1.0 <2.2.0',
      credentials: 'api_key (ANTHROPIC_API_KEY)',
    });
    const out = { ...version, FAKE_CLI_AUTH_STATUS: loggedOut, FAKE_CLI_AUTH_STATUS_EXIT: '1' };
    expect(((await failure(preflightAgent('claude-code', options(out)))) as Error).message).toBe(
      'claude-code: Claude Code is not logged in (claude auth status); set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), ' +
        'or run `claude auth login` as the user the run uses; for Bedrock or Vertex set CLAUDE_CODE_USE_BEDROCK=1 ' +
        "or CLAUDE_CODE_USE_VERTEX=1 with that cloud's credentials",
    );
  });

  it('falls back to the key variables and the credentials file when claude auth status says nothing it knows', async () => {
    const version = { FAKE_CLI_VERSION: '2.1.0', FAKE_CLI_AUTH_STATUS: 'unknown command "auth"' };
    const none = await failure(preflightAgent('claude-code', options(version)));
    expect((none as Error).message).toMatch(/^claude-code: Claude Code has no credentials; set ANTHROPIC_API_KEY/);
    const viaBedrock = await preflightAgent('claude-code', options({ ...version, CLAUDE_CODE_USE_BEDROCK: '1' }));
    expect(viaBedrock.credentials).toBe('CLAUDE_CODE_USE_BEDROCK');
    await mkdir(join(home(), '.claude'));
    await writeFile(join(home(), '.claude', '.credentials.json'), '{}');
    expect((await preflightAgent('claude-code', options(version))).credentials).toBe(
      join(home(), '.claude', '.credentials.json'),
    );
  });

  it('takes CODEX_API_KEY or a codex login, and says OPENAI_API_KEY alone is not read', async () => {
    const version = { FAKE_CLI_VERSION: 'codex-cli 0.169.0' };
    expect((await preflightAgent('codex', options({ ...version, CODEX_API_KEY: 'sk-1' }))).credentials).toBe(
      'CODEX_API_KEY',
    );
    const loggedIn = { ...version, FAKE_CLI_LOGIN_STATUS: 'API key configured - ***' };
    expect((await preflightAgent('codex', options(loggedIn))).credentials).toBe(
      'codex login (API key configured - ***)',
    );
    const out = {
      ...version,
      OPENAI_API_KEY: 'sk-1',
      FAKE_CLI_LOGIN_STATUS: 'Not logged in',
      FAKE_CLI_LOGIN_STATUS_EXIT: '1',
    };
    expect(((await failure(preflightAgent('codex', options(out)))) as Error).message).toBe(
      'codex: Codex is not logged in (codex login status) and CODEX_API_KEY is not set; set CODEX_API_KEY, or run ' +
        '`codex login` (`printenv OPENAI_API_KEY | codex login --with-api-key` for an API key); ' +
        '`codex exec` does not read OPENAI_API_KEY',
    );
  });

  it("leaves the key of the user's own Codex provider unchecked", async () => {
    const out = { FAKE_CLI_VERSION: 'codex-cli 0.169.0', FAKE_CLI_LOGIN_STATUS_EXIT: '1' };
    const flagged = await preflightAgent('codex', options(out, { extraArgs: ['-c', 'model_provider=ollama'] }));
    expect(flagged.credentials).toBe('model provider "ollama" (its key is not checked)');
    await mkdir(join(home(), '.codex'));
    await writeFile(
      join(home(), '.codex', 'config.toml'),
      'model_provider = "azure"\n[model_providers.azure]\nname = "Azure"\n',
    );
    expect((await preflightAgent('codex', options(out))).credentials).toBe(
      'model provider "azure" of config.toml (its key is not checked)',
    );
  });

  it('takes what opencode auth list counts, or a provider in an opencode.json', async () => {
    const version = { FAKE_CLI_VERSION: '1.18.33' };
    const listed =
      '┌  Credentials\n│\n└  0 credentials\n\n┌  Environment\n│\n●  Anthropic \u001b[90mANTHROPIC_API_KEY\n│\n└  1 environment variable';
    expect((await preflightAgent('opencode', options({ ...version, FAKE_CLI_AUTH_LIST: listed }))).credentials).toBe(
      'opencode auth list: 0 stored credential(s), 1 provider key variable(s)',
    );
    const empty = { ...version, FAKE_CLI_AUTH_LIST: '┌  Credentials\n│\n└  0 credentials' };
    expect(((await failure(preflightAgent('opencode', options(empty)))) as Error).message).toBe(
      'opencode: opencode has no provider credentials (opencode auth list shows none, no opencode.json defines a provider); ' +
        "run `opencode auth login`, set the provider's key (e.g. ANTHROPIC_API_KEY, OPENAI_API_KEY), or give the provider an apiKey in opencode.json",
    );
    expect((await preflightAgent('opencode', options(empty, { model: 'opencode/big-pickle' }))).credentials).toBe(
      "opencode's own provider (no key needed)",
    );
    await writeFile(join(home(), 'opencode.json'), '{ "provider": { "local": {} } }');
    expect((await preflightAgent('opencode', options(empty, { cwd: home() }))).credentials).toBe(
      `a provider defined in ${join(home(), 'opencode.json')}`,
    );
  });

  it("checks only Aider's version", async () => {
    expect(await preflightAgent('aider', options({ FAKE_CLI_VERSION: 'aider 0.86.1' }))).toEqual({
      version: '0.86.1',
      supportedVersions: '>=0.86.0 <0.87.0',
      credentials: 'not checked',
    });
  });
});
