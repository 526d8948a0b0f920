import type { CommandWorkerOptions } from './command-worker-options';
import { opencodeParser } from './opencode-parser';
import { type PresetOptions, presetWorkerOptions } from './preset-options';

/**
 * `commandWorker` options for opencode's non-interactive `run` command. The command line it runs:
 *
 *     opencode run --format json [--model <provider/model>] [extraArgs…] <message>
 *
 * opencode names models as `provider/model` (e.g. `anthropic/claude-sonnet-4-5`). Recent versions
 * reject permission requests in `run` unless told otherwise: pass `['--auto']` (or set permissions
 * in opencode's config) for a task that needs tools that ask.
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(opencode({ model: 'anthropic/claude-sonnet-4-5' }));
 */
export function opencode(options: PresetOptions = {}): CommandWorkerOptions {
  return presetWorkerOptions(
    'opencode',
    {
      id: 'opencode',
      command: 'opencode',
      args: ({ model, extraArgs }) => [
        'run',
        '--format',
        'json',
        ...(model === undefined ? [] : ['--model', model]),
        ...extraArgs,
        '{message}',
      ],
      parser: opencodeParser,
    },
    options,
  );
}
