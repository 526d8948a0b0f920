import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Strategy } from '@ratchet/runtime';
import { compileProgram, ProgramCompileError, programStrategy } from '@ratchet/sandbox';
import { type ArmConfig, isStrategyModule, loadedStrategyKey } from './arm-config';
import { ConfigError } from './config-error';
import { importDefault } from './import-module';
import type { RatchetConfig } from './ratchet-config';

/** A strategy an arm names by path: the strategy, and the hash of its source (part of the run's identity). */
export interface LoadedStrategy {
  readonly strategy: Strategy;
  readonly sha256: string;
}

/**
 * Loads the strategies a config's arms name by path, relative to the config file: strategy modules
 * (`"strategy": "./my-strategy.ts"`, TypeScript through tsx), each default-exporting a strategy made
 * with `defineStrategy`; and strategy programs (`"program": "./my-strategy.js"`), compiled in the
 * sandbox now so a broken one stops the run before any cell. Keyed by `loadedStrategyKey(arm)`.
 *
 * @throws {ConfigError} naming the arm whose file is missing, fails to load or compile (with the
 *   program's line), or exports no strategy.
 */
export async function loadStrategyModules(
  config: RatchetConfig,
  configDir: string,
  source: string,
): Promise<Map<string, LoadedStrategy>> {
  const loaded = new Map<string, LoadedStrategy>();
  for (const [index, arm] of config.arms.entries()) {
    const key = loadedStrategyKey(arm);
    if (loaded.has(key)) continue;
    if (arm.program !== undefined) loaded.set(key, await loadProgram(arm.program, index, configDir, source));
    else if (isStrategyModule(arm.strategy)) loaded.set(key, await loadModule(arm, index, configDir, source));
  }
  return loaded;
}

function problemOf(source: string, field: string) {
  return (message: string, cause?: unknown) =>
    new ConfigError(source, [{ field, message }], cause === undefined ? {} : { cause });
}

async function readSource(file: string, problem: ReturnType<typeof problemOf>, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (cause) {
    throw problem(`no ${what} at ${file}`, cause);
  }
}

async function loadModule(arm: ArmConfig, index: number, configDir: string, source: string): Promise<LoadedStrategy> {
  const path = arm.strategy ?? '';
  const file = isAbsolute(path) ? path : resolve(configDir, path);
  const problem = problemOf(source, `arms[${index}].strategy`);
  const text = await readSource(file, problem, 'strategy module');
  let exported: Partial<Strategy> | undefined;
  try {
    exported = (await importDefault(file)) as Partial<Strategy> | undefined;
  } catch (cause) {
    throw problem(`${file} could not be loaded: ${(cause as Error)?.message ?? String(cause)}`, cause);
  }
  if (typeof exported?.name !== 'string' || typeof exported.run !== 'function') {
    throw problem(
      `${file} must default-export a strategy: export default defineStrategy('name', async (ctx) => { … })`,
    );
  }
  return { strategy: exported as Strategy, sha256: createHash('sha256').update(text).digest('hex') };
}

async function loadProgram(path: string, index: number, configDir: string, source: string): Promise<LoadedStrategy> {
  const file = isAbsolute(path) ? path : resolve(configDir, path);
  const problem = problemOf(source, `arms[${index}].program`);
  const text = await readSource(file, problem, 'strategy program');
  try {
    const program = await compileProgram(text);
    return { strategy: programStrategy(program), sha256: createHash('sha256').update(text).digest('hex') };
  } catch (cause) {
    if (!ProgramCompileError.isInstance(cause)) throw cause;
    const where =
      cause.line === undefined ? '' : `:${cause.line}${cause.column === undefined ? '' : `:${cause.column}`}`;
    throw problem(`${file}${where}: ${cause.problem}`, cause);
  }
}
