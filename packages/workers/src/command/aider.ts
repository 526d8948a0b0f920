import { aiderParser } from './aider-parser';
import type { CommandWorkerOptions } from './command-worker-options';
import { type PresetDefinition, type PresetOptions, presetWorkerOptions } from './preset-options';

/** Aider's command line, parser and fixes; its preflight is in `aider-preflight.ts`. */
export const aiderPreset: PresetDefinition = {
  id: 'aider',
  command: 'aider',
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
