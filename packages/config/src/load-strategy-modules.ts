import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Strategy } from '@ratchet/runtime';
import { isStrategyModule } from './arm-config';
import { ConfigError } from './config-error';
import { importDefault } from './import-module';
import type { RatchetConfig } from './ratchet-config';

/** A strategy module an arm names: the strategy it exports, and the hash of its source (part of the run's identity). */
export interface LoadedStrategy {
  readonly strategy: Strategy;
  readonly sha256: string;
}

/**
 * Loads the strategy modules a config's arms name (`"strategy": "./my-strategy.ts"`, relative to the
 * config file; TypeScript through tsx). Each must default-export a strategy made with `defineStrategy`.
 *
 * @throws {ConfigError} naming the arm whose module is missing, fails to load, or exports no strategy.
 */
export async function loadStrategyModules(
  config: RatchetConfig,
  configDir: string,
  source: string,
): Promise<Map<string, LoadedStrategy>> {
  const loaded = new Map<string, LoadedStrategy>();
  for (const [index, arm] of config.arms.entries()) {
    if (!isStrategyModule(arm.strategy) || loaded.has(arm.strategy)) continue;
    const file = isAbsolute(arm.strategy) ? arm.strategy : resolve(configDir, arm.strategy);
    const problem = (message: string, cause?: unknown) =>
      new ConfigError(source, [{ field: `arms[${index}].strategy`, message }], cause === undefined ? {} : { cause });
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause) {
      throw problem(`no strategy module at ${file}`, cause);
    }
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
    loaded.set(arm.strategy, {
      strategy: exported as Strategy,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
  }
  return loaded;
}
