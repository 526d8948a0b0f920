import type { CommandWorkerOptions } from './command-worker-options';
import { opencodeParser } from './opencode-parser';
import { type PresetDefinition, type PresetOptions, presetWorkerOptions } from './preset-options';

/** opencode's command line, parser, fixes and versions; its credentials are checked in `opencode-credentials.ts`. */
export const opencodePreset: PresetDefinition = {
  id: 'opencode',
  command: 'opencode',
  // Checked against 1.18.33 (the devDependency).
  supportedVersions: '>=1.18.0 <1.19.0',
  install: 'npm install -g opencode-ai@1.18',
  // The message goes on stdin, not as an argument: opencode 1.18 prints its help for an argument that
  // starts with `-` (a markdown list) unless it follows `--`, and sends an argument that holds a space
  // wrapped in quotes, with its own quotes escaped (`- Fix "a.ts"` reaches the model as
  // `"- Fix \"a.ts\""`). It reads stdin as it is.
  args: ({ model, extraArgs }) => [
    'run',
    '--format',
    'json',
    ...(model === undefined ? [] : ['--model', model]),
    ...extraArgs,
  ],
  stdin: '{message}',
  parser: opencodeParser,
  failureHints: {
    credentials:
      "run `opencode auth login`, set the provider's key (e.g. ANTHROPIC_API_KEY, OPENAI_API_KEY), " +
      'or give the provider an apiKey in opencode.json',
    billing: 'add credit to the provider account opencode uses',
    request: 'check the model (`model`, as provider/model; `opencode models` lists them) and the extra arguments',
    network:
      'check that this machine reaches the provider (or the baseURL in opencode.json), and any proxy (HTTPS_PROXY)',
  },
};

/**
 * `commandWorker` options for opencode's non-interactive `run` command. The command line it runs:
 *
 *     opencode run --format json [--model <provider/model>] [extraArgs…] < <message>
 *
 * opencode names models as `provider/model` (e.g. `anthropic/claude-sonnet-4-5`). Recent versions
 * reject permission requests in `run` unless told otherwise: pass `['--auto']` (or set permissions
 * in opencode's config) for a task that needs tools that ask. opencode works in `$PWD`, which the
 * worker sets to the task's work dir, so an `opencode.json` there applies.
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(opencode({ model: 'anthropic/claude-sonnet-4-5' }));
 */
export function opencode(options: PresetOptions = {}): CommandWorkerOptions {
  return presetWorkerOptions('opencode', opencodePreset, options);
}
