import { codexParser } from './codex-parser';
import type { CommandWorkerOptions } from './command-worker-options';
import { type PresetOptions, presetWorkerOptions } from './preset-options';

/**
 * `commandWorker` options for OpenAI Codex's non-interactive mode. The command line it runs:
 *
 *     codex exec --json [--model <model>] [extraArgs…] <message>
 *
 * Codex refuses to run outside a Git repository unless given `--skip-git-repo-check`, and by default
 * runs in a read-only sandbox: pass e.g. `['--skip-git-repo-check', '--sandbox', 'workspace-write']`
 * in `extraArgs` for a task that edits files in a plain directory (`--full-auto` is the older,
 * deprecated spelling).
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(codex({ model: 'gpt-5-codex', extraArgs: ['--sandbox', 'workspace-write'] }));
 */
export function codex(options: PresetOptions = {}): CommandWorkerOptions {
  return presetWorkerOptions(
    'codex',
    {
      id: 'codex',
      command: 'codex',
      args: ({ model, extraArgs }) => [
        'exec',
        '--json',
        ...(model === undefined ? [] : ['--model', model]),
        ...extraArgs,
        '{message}',
      ],
      parser: codexParser,
    },
    options,
  );
}
