import { aiderParser } from './aider-parser';
import type { CommandWorkerOptions } from './command-worker-options';
import { type PresetDefinition, type PresetOptions, presetWorkerOptions } from './preset-options';

/** Aider's command line, parser, fixes and versions; preflight does not check its credentials (it reads many providers' keys, .env and .aider.conf.yml). */
export const aiderPreset: PresetDefinition = {
  id: 'aider',
  command: 'aider',
  // The output the parser reads is that of 0.86 (not checked against a real aider here).
  supportedVersions: '>=0.86.0 <0.87.0',
  install: 'python -m pip install "aider-chat==0.86.*"',
  args: ({ model, extraArgs }) => [
    '--message',
    '{message}',
    '--yes-always',
    '--no-pretty',
    ...(model === undefined ? [] : ['--model', model]),
    ...extraArgs,
  ],
  parser: aiderParser,
  failureHints: {
    credentials: "set the key of the model's provider (e.g. ANTHROPIC_API_KEY, OPENAI_API_KEY) where aider reads it",
    request: 'check the model (`model`) and the extra arguments',
  },
};

/**
 * `commandWorker` options for Aider in scripting mode. The command line it runs:
 *
 *     aider --message <message> --yes-always --no-pretty [--model <model>] [extraArgs…]
 *
 * Aider prints plain text, not events (see `aiderParser` for how it is read). It edits only the files
 * added to its chat: list them in `extraArgs` (e.g. `['--file', 'src/app.py']`), and consider
 * `['--no-auto-commits']` when the environment checks the work dir's Git state.
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(aider({ model: 'sonnet', extraArgs: ['--no-auto-commits'] }));
 */
export function aider(options: PresetOptions = {}): CommandWorkerOptions {
  return presetWorkerOptions('aider', aiderPreset, options);
}
