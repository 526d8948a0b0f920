import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckCredentials } from './credential-check';

/**
 * Codex's credentials, as `codex exec` uses them (0.169): `CODEX_API_KEY`, else the login `codex
 * login` stored under `CODEX_HOME` (`~/.codex/auth.json`), which `codex login status` reports (exit 0
 * when logged in). `OPENAI_API_KEY` alone is not enough: `codex exec` does not send it. A model
 * provider of the user's own (`--oss`, `-c model_provider=…`, or `model_provider` in config.toml)
 * brings its own key, which is not checked.
 */
export const codexCredentials: CheckCredentials = async ({ probe, env, home, extraArgs, fix }) => {
  if ((env.CODEX_API_KEY ?? '').trim() !== '') return { found: 'CODEX_API_KEY' };
  const provider = ownProvider(extraArgs) ?? (await configuredProvider(env.CODEX_HOME ?? join(home, '.codex')));
  if (provider !== undefined) return { found: `model provider ${provider} (its key is not checked)` };
  const status = await probe(['login', 'status']);
  if (status.exitCode === 0) {
    const said = `${status.stdout}\n${status.stderr}`
      .split('\n')
      .find((line) => line.trim() && !line.startsWith('WARNING'));
    return { found: `codex login (${said?.trim() ?? 'logged in'})` };
  }
  return { missing: `Codex is not logged in (codex login status) and CODEX_API_KEY is not set; ${fix}` };
};

/** A provider chosen on the command line: `--oss`, or `-c model_provider=<id>` (also `--config`). */
function ownProvider(args: readonly string[]): string | undefined {
  if (args.includes('--oss')) return '--oss';
  for (const [index, arg] of args.entries()) {
    const value = arg === '-c' || arg === '--config' ? args[index + 1] : arg.replace(/^--config=/, '');
    const id = /^model_provider\s*=\s*"?([\w.-]+)"?$/.exec(value ?? '')?.[1];
    if (id !== undefined && id !== 'openai') return `"${id}"`;
  }
  return undefined;
}

/** The top-level `model_provider` of `<codexHome>/config.toml` (before its first table), unless it is openai. */
async function configuredProvider(codexHome: string): Promise<string | undefined> {
  const text = await readFile(join(codexHome, 'config.toml'), 'utf8').catch(() => '');
  const topLevel = text.split(/^\s*\[/m)[0] ?? '';
  const id = /^\s*model_provider\s*=\s*"([^"]+)"/m.exec(topLevel)?.[1];
  return id === undefined || id === 'openai' ? undefined : `"${id}" of config.toml`;
}
