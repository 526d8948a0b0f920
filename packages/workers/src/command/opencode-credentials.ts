import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckCredentials } from './credential-check';

// Built from a string so the escape character does not sit in a regex literal.
const ansiEscape = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/**
 * opencode's credentials: what `opencode auth list` counts (1.18 ends its two lists with `N
 * credentials`, stored by `opencode auth login` in `~/.local/share/opencode/auth.json`, and `N
 * environment variables`, the provider keys it sees), else a provider defined in an opencode.json
 * (the work dir's when known, `OPENCODE_CONFIG`, or the global one). A model of opencode's own
 * provider (`opencode/…`) needs none: with no credentials at all, opencode 1.18 falls back to it.
 * Which provider a key belongs to is not matched against the model.
 */
export const opencodeCredentials: CheckCredentials = async ({ probe, env, home, cwd, model, fix }) => {
  const listed = (await probe(['auth', 'list'])).stdout.replace(ansiEscape, '');
  const stored = count(/(\d+) credentials?\b/.exec(listed));
  const variables = count(/(\d+) environment variables?\b/.exec(listed));
  if (stored + variables > 0) {
    return { found: `opencode auth list: ${stored} stored credential(s), ${variables} provider key variable(s)` };
  }
  const configHome = env.XDG_CONFIG_HOME ?? join(home, '.config');
  const configs = [
    ...(cwd === undefined ? [] : [join(cwd, 'opencode.json'), join(cwd, 'opencode.jsonc')]),
    ...(env.OPENCODE_CONFIG ? [env.OPENCODE_CONFIG] : []),
    ...['opencode.json', 'opencode.jsonc', 'config.json'].map((name) => join(configHome, 'opencode', name)),
  ];
  for (const path of configs) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (/"provider"\s*:/.test(text)) return { found: `a provider defined in ${path}` };
  }
  if (model?.startsWith('opencode/')) return { found: "opencode's own provider (no key needed)" };
  return {
    missing: `opencode has no provider credentials (opencode auth list shows none, no opencode.json defines a provider); ${fix}`,
  };
};

function count(match: RegExpExecArray | null): number {
  return match?.[1] === undefined ? 0 : Number(match[1]);
}
