import { access, constants, stat } from 'node:fs/promises';
import { RuntimeError } from '@ratchet/runtime';
import { preflightAgent, preflightModel } from '@ratchet/workers';
import which from 'which';
import type { RatchetConfig } from './ratchet-config';
import type { presetNames, WorkerConfig } from './worker-config';

/** A config that is valid but cannot run here (a missing CLI, key or server): exit code 1, no cell ran. */
export class PreflightError extends RuntimeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`preflight failed, nothing ran: ${message}`, options);
    this.name = 'PreflightError';
  }
}

const presetCommands: Record<(typeof presetNames)[number], { command: string; install: string }> = {
  'claude-code': { command: 'claude', install: 'npm install -g @anthropic-ai/claude-code' },
  codex: { command: 'codex', install: 'npm install -g @openai/codex' },
  opencode: { command: 'opencode', install: 'npm install -g opencode-ai' },
  aider: { command: 'aider', install: 'python -m pip install aider-install && aider-install' },
};

/**
 * Checks, before any cell runs, that the worker and analyst can be called: a CLI agent's executable
 * is on PATH, and for a preset its version is one the preset's parser supports and it has
 * credentials; a model's key is set and a compat endpoint answers.
 *
 * @throws {PreflightError} saying what is missing and how to fix it.
 */
export async function preflight(
  config: RatchetConfig,
  options: { env?: NodeJS.ProcessEnv; fetch?: typeof globalThis.fetch } = {},
): Promise<string[]> {
  const done: string[] = [];
  const worker = config.worker ?? { kind: 'builtin' as const };
  if (worker.kind === 'preset' || worker.kind === 'command') {
    const preset = worker.kind === 'preset' ? presetCommands[worker.preset] : undefined;
    const command = worker.command ?? preset?.command ?? '';
    const found = await findExecutable(command, options.env);
    if (!found) {
      const fix = preset
        ? `install it (${preset.install}) or set worker.command to its path`
        : 'install it or give its full path in worker.command';
      throw new PreflightError(
        `worker ${worker.kind === 'preset' ? `"${worker.preset}" ` : ''}needs the command "${command}", which is not on PATH; ${fix}`,
      );
    }
    done.push(`worker command: ${found}`);
    if (worker.cwd !== undefined && !(await isDirectory(worker.cwd))) {
      throw new PreflightError(`worker.cwd ${worker.cwd} is not a directory; create it or fix the path`);
    }
    if (worker.kind === 'preset') done.push(...(await preflightPreset(worker, found, options.env)));
  }
  const models = [
    ...(worker.kind === 'model' ? [{ role: 'worker', model: worker.model }] : []),
    ...(typeof config.analyst === 'object' ? [{ role: 'analyst', model: config.analyst.model }] : []),
  ];
  for (const { role, model } of models) {
    try {
      await preflightModel(model, {
        ...(options.env ? { env: options.env } : {}),
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    } catch (cause) {
      throw new PreflightError(`${role} model ${(cause as Error).message}`, { cause });
    }
    done.push(`${role} model: ${model}`);
  }
  return done;
}

/** The preset's version and credentials, probed with the environment the agent will get. */
async function preflightPreset(
  worker: Extract<WorkerConfig, { kind: 'preset' }>,
  command: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  try {
    const found = await preflightAgent(worker.preset, {
      env: { ...env, ...worker.env },
      command,
      ...(worker.prefixArgs === undefined ? {} : { prefixArgs: worker.prefixArgs }),
      ...(worker.model === undefined ? {} : { model: worker.model }),
      ...(worker.extraArgs === undefined ? {} : { extraArgs: worker.extraArgs }),
      ...(worker.cwd === undefined ? {} : { cwd: worker.cwd }),
    });
    return [
      `worker version: ${worker.preset} ${found.version} (supported: ${found.supportedVersions})`,
      `worker credentials: ${found.credentials}`,
    ];
  } catch (cause) {
    throw new PreflightError(`worker ${(cause as Error).message}`, { cause });
  }
}

async function findExecutable(command: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (command.includes('/') || command.includes('\\')) {
    try {
      await access(command, constants.X_OK);
      return command;
    } catch {
      return null;
    }
  }
  return which(command, { nothrow: true, ...(env.PATH === undefined ? {} : { path: env.PATH }) });
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
