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
  // `--print-logs --log-level ERROR` puts opencode's error log on stderr: each failed call to the
  // provider is logged there and nowhere else (stdout stays silent while opencode retries it), so the
  // parser can tell a provider retry from the agent's own work when the time limit comes.
  args: ({ model, extraArgs }) => [
    'run',
    '--format',
    'json',
    '--print-logs',
    '--log-level',
    'ERROR',
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
    request:
      'check the model (`model`, as provider/model; `opencode models` lists them, and lists a provider only once ' +
      'its key is set) and the extra arguments',
    network:
      'check that this machine reaches the provider (or the baseURL in opencode.json), and any proxy (HTTPS_PROXY)',
  },
};

/**
 * `commandWorker` options for opencode's non-interactive `run` command. The command line it runs:
 *
 *     opencode run --format json --print-logs --log-level ERROR [--model <provider/model>] [extraArgs…] < <message>
 *
 * opencode retries a failed call to its provider 5 times (2 s, 4 s, 8 s, 16 s, then 30 s or more
 * apart; a 429's `retry-after` sets the wait) before it reports the failure, about a minute and a
 * quarter, and no setting changes that; a provider that accepts the call and never answers is retried
 * only after the provider's `headerTimeout` (default 300000 ms, an option of the provider in
 * opencode.json). With a `timeoutMs` shorter than that, the time limit ends the retries: the attempt
 * is then the provider's failure, of the kind opencode's log named.
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
