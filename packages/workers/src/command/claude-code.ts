import { claudeCodeParser } from './claude-code-parser';
import type { CommandWorkerOptions } from './command-worker-options';
import { type PresetOptions, presetWorkerOptions } from './preset-options';

/**
 * `commandWorker` options for Claude Code in headless mode. The command line it runs:
 *
 *     claude -p <message> --output-format stream-json --verbose [--model <model>] [extraArgs…]
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
  return presetWorkerOptions(
    'claudeCode',
    {
      id: 'claude-code',
      command: 'claude',
      args: ({ model, extraArgs }) => [
        '-p',
        '{message}',
        '--output-format',
        'stream-json',
        '--verbose',
        ...(model === undefined ? [] : ['--model', model]),
        ...extraArgs,
      ],
      parser: claudeCodeParser,
    },
    options,
  );
}
