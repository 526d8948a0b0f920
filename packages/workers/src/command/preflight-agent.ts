import { homedir } from 'node:os';
import { coerce, satisfies } from 'semver';
import type { Env } from '../chat/provider-credentials';
import { WorkerConfigError } from '../worker-config-error';
import { aiderPreset } from './aider';
import { claudeCodePreset } from './claude-code';
import { claudeCodeCredentials } from './claude-code-credentials';
import { type CliProbe, cliProbe } from './cli-probe';
import { codexPreset } from './codex';
import { codexCredentials } from './codex-credentials';
import type { CheckCredentials } from './credential-check';
import { opencodePreset } from './opencode';
import { opencodeCredentials } from './opencode-credentials';
import type { PresetDefinition } from './preset-options';

/** The CLI agents with a preset. */
export const agentPresetNames = ['claude-code', 'codex', 'opencode', 'aider'] as const;
export type AgentPresetName = (typeof agentPresetNames)[number];

const presets: Record<AgentPresetName, { definition: PresetDefinition; credentials: CheckCredentials | null }> = {
  'claude-code': { definition: claudeCodePreset, credentials: claudeCodeCredentials },
  codex: { definition: codexPreset, credentials: codexCredentials },
  opencode: { definition: opencodePreset, credentials: opencodeCredentials },
  // Aider reads many providers' keys, .env files and .aider.conf.yml: no check would be sure.
  aider: { definition: aiderPreset, credentials: null },
};

export interface AgentPreflightOptions {
  /** The environment the agent will run with; default `process.env`. Nothing else is inherited. */
  readonly env?: Env;
  /** The executable, when it is not the CLI's usual name on PATH (as the preset's `command`). */
  readonly command?: string;
  readonly prefixArgs?: readonly string[];
  readonly model?: string;
  readonly extraArgs?: readonly string[];
  /** The directory the agent will run in, when it is known before the run. */
  readonly cwd?: string;
  /** Time limit of each probe; default 30 s. */
  readonly timeoutMs?: number;
}

/** What preflight found. */
export interface AgentPreflight {
  /** The version the CLI reported, e.g. `2.1.328`. */
  readonly version: string;
  readonly supportedVersions: string;
  /** How the CLI will authenticate, e.g. `api_key (ANTHROPIC_API_KEY)`; for Aider, that it was not checked. */
  readonly credentials: string;
}

/**
 * Checks, before any run starts and without calling a model, that a CLI agent can run here: `<cli>
 * --version` answers with a version inside the range its preset's parser supports, and the CLI has
 * credentials (Claude Code: `claude auth status`; Codex: `CODEX_API_KEY` or `codex login status`;
 * opencode: `opencode auth list` or a provider in opencode.json; Aider: not checked).
 *
 * @throws {WorkerConfigError} naming the CLI and what to do: the command is missing or fails, its
 *   version is outside the supported range (both named), or its credentials are missing (what to set).
 * @example
 * await preflightAgent('claude-code', { env: process.env });
 * // => { version: '2.1.328', supportedVersions: '>=2.1.0 <2.2.0', credentials: 'api_key (ANTHROPIC_API_KEY)' }
 */
export async function preflightAgent(
  preset: AgentPresetName,
  options: AgentPreflightOptions = {},
): Promise<AgentPreflight> {
  const { definition, credentials } = presets[preset];
  const env = options.env ?? process.env;
  const command = options.command ?? definition.command;
  const probe = cliProbe({
    presetId: definition.id,
    command,
    prefixArgs: options.prefixArgs ?? [],
    env,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const version = await versionOf(definition, command, probe);
  if (credentials === null) {
    return { version, supportedVersions: definition.supportedVersions, credentials: 'not checked' };
  }
  const check = await credentials({
    probe,
    env,
    home: env.HOME ?? homedir(),
    cwd: options.cwd,
    model: options.model,
    extraArgs: options.extraArgs ?? [],
    fix: definition.failureHints.credentials ?? 'set its credentials',
  });
  if ('missing' in check) throw new WorkerConfigError(`${definition.id}: ${check.missing}`);
  return { version, supportedVersions: definition.supportedVersions, credentials: check.found };
}

async function versionOf(definition: PresetDefinition, command: string, probe: CliProbe): Promise<string> {
  const result = await probe(['--version']);
  const said = `${result.stdout}\n${result.stderr}`.trim();
  const version = result.exitCode === 0 ? coerce(result.stdout, { includePrerelease: true }) : null;
  if (version === null) {
    const why =
      result.exitCode === 0 ? 'printed no version' : `failed (exit ${result.exitCode ?? 'at its time limit'})`;
    throw new WorkerConfigError(
      `${definition.id}: \`${command} --version\` ${why}: ${said.split('\n')[0]?.slice(0, 200) ?? ''}; ` +
        `check that "${command}" is the CLI (${definition.install})`,
    );
  }
  if (!satisfies(version, definition.supportedVersions, { includePrerelease: true })) {
    throw new WorkerConfigError(
      `${definition.id}: "${command}" is version ${version.version}, outside the versions its parser supports ` +
        `(${definition.supportedVersions}); install a supported one (${definition.install}) or set \`command\` to one`,
    );
  }
  return version.version;
}
