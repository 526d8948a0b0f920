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
 * `commandWorker` options for Claude Code in headless mode. The command line it runs:
 *
 *     claude -p --output-format stream-json --verbose [--model <model>] [extraArgs…] -- <message>
 *
 * (`--verbose` is required by `stream-json` in print mode.) Give the permissions the task needs in
 * `extraArgs`, e.g. `['--permission-mode', 'acceptEdits']` or `['--allowedTools', 'Bash,Edit']`;
 * without them a headless agent cannot use tools that ask for approval.
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(claudeCode({ model: 'sonnet', extraArgs: ['--permission-mode', 'acceptEdits'] }));
 */
export function claudeCode(options: PresetOptions = {}): CommandWorkerOptions {
  return presetWorkerOptions('claudeCode', claudeCodePreset, options);
}
