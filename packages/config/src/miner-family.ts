import { findFamily } from '@ratchet/environments';
import type { Family } from '@ratchet/runtime';
import { isBuiltInFamily } from './environment-config';
import { type LoadedConfig, loadConfig } from './load-config';
import { UsageError } from './usage-error';

/**
 * The config and its family, for a command that learns (`learn`, `flywheel`): the environment must be a
 * built-in family that brings a miner.
 *
 * @throws {UsageError} naming the config and the environment when there is nothing to learn with.
 */
export async function loadMinerFamily(
  path: string | undefined,
  purpose: string,
): Promise<LoadedConfig & { family: Family & { miner: NonNullable<Family['miner']> } }> {
  const loaded = await loadConfig(path);
  const environment = loaded.config.environment;
  const family = isBuiltInFamily(environment) ? findFamily(environment.kind) : undefined;
  if (family?.miner === undefined) {
    throw new UsageError(
      `${loaded.file}: the environment "${environment.kind}" has no miner, so ${purpose} (the dsl and sat families have one)`,
    );
  }
  return { ...loaded, family: family as Family & { miner: NonNullable<Family['miner']> } };
}
