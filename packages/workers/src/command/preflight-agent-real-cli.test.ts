import { describe, expect, it } from 'vitest';
import { installedCli, installedCliVersion, testWorkDir } from './command-test-helpers';
import { preflightAgent } from './preflight-agent';

// The installed CLIs (the devDependencies) against their presets' version ranges and credential
// probes, in a home of their own: a release that the ranges or the probes do not fit fails here.
const home = testWorkDir({ each: true });
const isolated = () => ({
  HOME: home(),
  XDG_CONFIG_HOME: `${home()}/.config`,
  XDG_DATA_HOME: `${home()}/.local/share`,
});

describe('preflightAgent with the installed CLIs', { timeout: 60_000 }, () => {
  it('finds Claude Code inside its range and reads its key from claude auth status', async () => {
    const env = { ...isolated(), ANTHROPIC_API_KEY: 'sk-ant-test' };
    expect(await preflightAgent('claude-code', { ...installedCli('claude-code'), env })).toEqual({
      version: installedCliVersion('claude-code'),
      supportedVersions: '>=2.1.0 <2.2.0',
      credentials: 'api_key (ANTHROPIC_API_KEY)',
    });
    await expect(preflightAgent('claude-code', { ...installedCli('claude-code'), env: isolated() })).rejects.toThrow(
      'claude-code: Claude Code is not logged in (claude auth status); set ANTHROPIC_API_KEY',
    );
  });

  it('finds Codex inside its range, and not logged in with OPENAI_API_KEY alone', async () => {
    const env = { ...isolated(), CODEX_HOME: home(), OPENAI_API_KEY: 'sk-test' };
    await expect(preflightAgent('codex', { ...installedCli('codex'), env })).rejects.toThrow(
      'codex: Codex is not logged in (codex login status) and CODEX_API_KEY is not set',
    );
    const withKey = await preflightAgent('codex', {
      ...installedCli('codex'),
      env: { ...env, CODEX_API_KEY: 'sk-test' },
    });
    expect(withKey).toEqual({
      version: installedCliVersion('codex'),
      supportedVersions: '>=0.169.0 <0.170.0',
      credentials: 'CODEX_API_KEY',
    });
  });

  it('finds opencode inside its range and counts the provider keys opencode auth list sees', async () => {
    const env = { ...isolated(), ANTHROPIC_API_KEY: 'sk-ant-test' };
    expect(await preflightAgent('opencode', { ...installedCli('opencode'), env })).toEqual({
      version: installedCliVersion('opencode'),
      supportedVersions: '>=1.18.0 <1.19.0',
      credentials: 'opencode auth list: 0 stored credential(s), 1 provider key variable(s)',
    });
    await expect(preflightAgent('opencode', { ...installedCli('opencode'), env: isolated() })).rejects.toThrow(
      'opencode: opencode has no provider credentials',
    );
  });
});
