import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { configFileNames, loadConfig } from './load-config';

/**
 * The `store` of the ratchet config in `cwd`, if there is one, so `ratchet report` and `ratchet corpus`
 * read the corpus `ratchet run` wrote. A config that does not load is ignored here: `run` reports it.
 */
export async function configuredStore(cwd = process.cwd()): Promise<string | undefined> {
  if (!configFileNames.some((name) => existsSync(join(cwd, name)))) return undefined;
  try {
    return (await loadConfig(undefined, cwd)).config.store;
  } catch {
    return undefined;
  }
}
