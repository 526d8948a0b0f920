import { codexParser } from './codex-parser';
import type { CommandWorkerOptions } from './command-worker-options';
import { type PresetDefinition, type PresetOptions, presetWorkerOptions } from './preset-options';

/** Codex's command line, parser, fixes and versions; its credentials are checked in `codex-credentials.ts`. */
export const codexPreset: PresetDefinition = {
  id: 'codex',
  command: 'codex',
  // Checked against 0.169.0 (the devDependency); codex changes its events between 0.x releases.
  supportedVersions: '>=0.169.0 <0.170.0',
  install: 'npm install -g @openai/codex@0.169',
  // `--` ends the options: a message starting with `-` (a markdown list) is otherwise an unexpected argument.
  args: ({ model, extraArgs }) => [
    'exec',
    '--json',
    ...(model === undefined ? [] : ['--model', model]),
    ...extraArgs,
    '--',
    '{message}',
  ],
  parser: codexParser,
  failureHints: {
    // Verified with codex 0.169.0: `codex exec` sends CODEX_API_KEY or the login, never OPENAI_API_KEY.
    credentials:
      'set CODEX_API_KEY, or run `codex login` (`printenv OPENAI_API_KEY | codex login --with-api-key` for an API key); ' +
      '`codex exec` does not read OPENAI_API_KEY',
    billing: "add credit to the OpenAI account of the key, or wait for the ChatGPT plan's Codex limit to reset",
    request: 'check the model (`model`, e.g. `gpt-5-codex`) and the `-c` overrides in the extra arguments',
    network: 'check that this machine reaches the OpenAI API (or the configured base URL), and any proxy (HTTPS_PROXY)',
  },
};

/**
 * `commandWorker` options for OpenAI Codex's non-interactive mode. The command line it runs:
 *
 *     codex exec --json [--model <model>] [extraArgs…] -- <message>
 *
 * The preset sets only `--json` (the events its parser reads) and `--` (so a message that starts
 * with `-` stays the message). It leaves codex's own retries as they are (checked with 0.169): codex
 * retries a failed model call 5 times (its provider's `stream_max_retries`), a refused key included,
 * with backoff and the provider's `retry-after` (a 503 took 25 s to fail), and waits for an
 * unreachable API without end. An attempt still retrying at `timeoutMs` is the provider's failure of
 * the kind it was retrying, not the agent's (`codexParser`'s `activity()`). For a failure sooner, set
 * `-c model_providers.<id>.stream_max_retries=0` (and `request_max_retries=0`) in `extraArgs` for a
 * provider of your own.
 *
 * Codex refuses to run outside a Git repository unless given `--skip-git-repo-check`, and by default
 * runs in a read-only sandbox: pass e.g. `['--skip-git-repo-check', '--sandbox', 'workspace-write']`
 * in `extraArgs` for a task that edits files in a plain directory.
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid.
 * @example
 * const worker = commandWorker(codex({ model: 'gpt-5-codex', extraArgs: ['--sandbox', 'workspace-write'] }));
 */
export function codex(options: PresetOptions = {}): CommandWorkerOptions {
  return presetWorkerOptions('codex', codexPreset, options);
}
