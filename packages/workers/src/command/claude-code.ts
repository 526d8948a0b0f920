import { claudeCodeParser } from './claude-code-parser';
import type { CommandWorkerOptions } from './command-worker-options';
import { type PresetDefinition, type PresetOptions, presetWorkerOptions } from './preset-options';

/** Claude Code's command line, parser, fixes and versions; its credentials are checked in `claude-code-credentials.ts`. */
export const claudeCodePreset: PresetDefinition = {
  id: 'claude-code',
  command: 'claude',
  // Checked against 2.1.328 (the devDependency); the stream-json events are those of 2.1.
  supportedVersions: '>=2.1.0 <2.2.0',
  install: 'npm install -g @anthropic-ai/claude-code@2.1',
  // `--` ends the options: a message starting with `-` (a markdown list) is otherwise an unknown option.
  args: ({ model, extraArgs }) => [
    '-p',
    '--output-format',
    'stream-json',
    '--verbose',
    ...(model === undefined ? [] : ['--model', model]),
    ...extraArgs,
    '--',
    '{message}',
  ],
  parser: claudeCodeParser,
  failureHints: {
    credentials:
      'set ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN), or run `claude auth login` as the user the run uses; ' +
      "for Bedrock or Vertex set CLAUDE_CODE_USE_BEDROCK=1 or CLAUDE_CODE_USE_VERTEX=1 with that cloud's credentials",
    billing:
      "add credit or raise the spend limit of the Anthropic Console account of the key, or wait for the claude.ai plan's usage limit to reset",
    request: 'check the model (`model`, e.g. `sonnet` or `claude-sonnet-4-5`) and the extra arguments',
    network: 'check that this machine reaches api.anthropic.com (or ANTHROPIC_BASE_URL), and any proxy (HTTPS_PROXY)',
  },
};

/**
 * What the preset sets in Claude Code's environment, each unless the `env` option or this process's
 * environment sets it already.
 *
 * `CLAUDE_CODE_MAX_RETRIES=3` (Claude Code's default is 10): Claude Code retries every failed API
 * call, a refused key included, with a backoff that grows to about 40 s, so a bad key took 191 s to
 * fail and a dead API about as long. Ratchet retries provider failures itself, across attempts, and
 * stops the run on a refused key or billing: with 3 retries a refused key stops the run in about 4 s,
 * while a blip of a few seconds (an overload, a dropped connection) is still ridden out inside the
 * attempt, whose work would otherwise be lost. A `retry-after` is honoured on each retry.
 *
 * Left as Claude Code has them: `API_TIMEOUT_MS` (10 minutes), since it bounds a model call and a
 * long answer can take minutes (set it below `timeoutMs` to have a provider that never answers end as
 * a network failure rather than the agent's timeout); and `CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC`, which
 * besides telemetry turns off the feature settings Claude Code downloads, and so would change what
 * the agent can do.
 */
export const claudeCodeDefaultEnv: Readonly<Record<string, string>> = { CLAUDE_CODE_MAX_RETRIES: '3' };

/**
 * `commandWorker` options for Claude Code in headless mode. The command line it runs:
 *
 *     claude -p --output-format stream-json --verbose [--model <model>] [extraArgs…] -- <message>
 *
 * (`--verbose` is required by `stream-json` in print mode.) Give the permissions the task needs in
 * `extraArgs`, e.g. `['--permission-mode', 'acceptEdits']` or `['--allowedTools', 'Bash,Edit']`;
 * without them a headless agent cannot use tools that ask for approval. Its environment gets
 * `claudeCodeDefaultEnv` (3 API retries instead of 10) where neither `env` nor this process sets it.
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(claudeCode({ model: 'sonnet', extraArgs: ['--permission-mode', 'acceptEdits'] }));
 */
export function claudeCode(options: PresetOptions = {}): CommandWorkerOptions {
  const worker = presetWorkerOptions('claudeCode', claudeCodePreset, options);
  const defaults = Object.entries(claudeCodeDefaultEnv).filter(
    ([name]) => worker.env?.[name] === undefined && process.env[name] === undefined,
  );
  return defaults.length === 0 ? worker : { ...worker, env: { ...Object.fromEntries(defaults), ...worker.env } };
}
