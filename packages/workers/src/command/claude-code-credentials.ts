import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckCredentials } from './credential-check';
import { firstSet } from './credential-check';
import { isJsonObject, parseJsonLine, stringField } from './json-fields';

/** Variables that give Claude Code credentials, or switch it to a cloud provider with its own. */
const variables = [
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'CLAUDE_CODE_OAUTH_TOKEN',
  'CLAUDE_CODE_USE_BEDROCK',
  'CLAUDE_CODE_USE_VERTEX',
  'CLAUDE_CODE_USE_FOUNDRY',
];

/**
 * Claude Code's credentials, as `claude auth status --json` reports them (2.1: `{ loggedIn,
 * authMethod, apiKeySource?, apiProvider }`, exit 1 when not logged in). It sees every way Claude Code
 * authenticates: the key variables, a login (on Linux `~/.claude/.credentials.json`, or under
 * `CLAUDE_CONFIG_DIR`; the keychain on macOS), Bedrock and Vertex. A version whose answer is not that
 * JSON is checked by the variables and the credentials file instead.
 */
export const claudeCodeCredentials: CheckCredentials = async ({ probe, env, home, fix }) => {
  const status = await probe(['auth', 'status', '--json']);
  const report = parseJsonLine(status.stdout);
  if (isJsonObject(report) && typeof report.loggedIn === 'boolean') {
    if (!report.loggedIn) return { missing: `Claude Code is not logged in (claude auth status); ${fix}` };
    const method = stringField(report, 'authMethod') ?? 'logged in';
    const source = stringField(report, 'apiKeySource') ?? stringField(report, 'apiProvider');
    return { found: source === null ? method : `${method} (${source})` };
  }
  const variable = firstSet(env, variables);
  if (variable !== undefined) return { found: variable };
  const file = join(env.CLAUDE_CONFIG_DIR ?? join(home, '.claude'), '.credentials.json');
  const loggedIn = await access(file).then(
    () => true,
    () => false,
  );
  return loggedIn ? { found: file } : { missing: `Claude Code has no credentials; ${fix}` };
};
