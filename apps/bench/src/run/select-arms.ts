import { loadedStrategyKey, type RatchetConfig, UsageError } from '@ratchet/config';
import { findDefaultContrast } from '@ratchet/runtime';

/**
 * The config with only the arms `--arms` names. The primary contrast was pre-registered on the full
 * config, so both its arms must stay, and it is written into the filtered config: the remaining arms
 * must not quietly form another default contrast (refine − random where the config meant refine − continue).
 *
 * @throws {UsageError} for an unknown arm id (listing the arms), or a filter that drops an arm of the primary contrast.
 */
export function selectArms(config: RatchetConfig, ids: readonly string[]): RatchetConfig {
  const known = config.arms.map((arm) => arm.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(
      `--arms: the config has no arm ${unknown.map((id) => `"${id}"`).join(', ')}; its arms: ${known.join(', ')}`,
    );
  }
  const contrast =
    config.primaryContrast ??
    findDefaultContrast(config.arms.map((arm) => ({ ...arm, strategy: loadedStrategyKey(arm) })));
  if (contrast !== null) {
    const dropped = [contrast.baseline, contrast.candidate].filter((id) => !ids.includes(id));
    if (dropped.length > 0) {
      throw new UsageError(
        `--arms: the pre-registered primary contrast ${contrast.name} = ${contrast.candidate} − ${contrast.baseline} needs both its arms; add ${dropped.join(' and ')} (e.g. --arms ${[...new Set([...ids, ...dropped])].join(',')})`,
      );
    }
  }
  const wanted = new Set(ids);
  return {
    ...config,
    arms: config.arms.filter((arm) => wanted.has(arm.id)),
    ...(contrast === null ? {} : { primaryContrast: contrast }),
  };
}
