import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import { findFamily } from '@ratchet/environments';
import type { Holdout } from '@ratchet/optimizer';
import type { OptimizableConfig } from './build-search';
import { isBuiltInFamily } from './environment-config';
import { UsageError } from './usage-error';

/** Raised when `--rotate` asks a dataset for a second holdout: it has only the one its tasks were split into. */
export class DatasetRotationError extends UsageError {
  constructor(dataset: string) {
    super(
      `--rotate cannot draw another holdout from ${dataset}: a dataset has one holdout split, and it is spent for this incumbent. To decide again, add new tasks with split "holdout" under a new dataset id, or gate against another incumbent (optimize.baseline)`,
    );
    this.name = 'DatasetRotationError';
  }
}

/**
 * The holdouts a config can draw, by rotation. Rotation 0 is the configured family's holdout split;
 * rotation r > 0 draws the same family options with seed `<seed>/holdout-<r>` and keeps its holdout
 * split, so its tasks (whose ids carry the seed) are disjoint from every earlier draw. The key names the
 * family, its options and the rotation; `maxHoldout` does not enter it, so a smaller or larger slice of
 * a spent holdout is still spent. A dataset (task directory, JSON Lines) has rotation 0 only.
 */
export function holdoutDraws(config: OptimizableConfig, tasksOf: () => Promise<Holdout['tasks']>) {
  const { environment, optimize } = config;
  const limit = <T>(tasks: readonly T[]) =>
    optimize.maxHoldout === undefined ? tasks : tasks.slice(0, optimize.maxHoldout);
  if (!isBuiltInFamily(environment)) {
    const dataset = `the ${environment.kind} dataset "${environment.id ?? environment.path.split(/[\\/]/).at(-1)}"`;
    return {
      configFor: (_rotation: number) => config,
      async draw(rotation: number): Promise<Holdout> {
        if (rotation > 0) throw new DatasetRotationError(dataset);
        const key = `${environment.kind}:${environment.id ?? ''}:${environment.path.split(/[\\/]/).at(-1)} holdout`;
        return { key, tasks: limit(await tasksOf()) };
      },
    };
  }
  const { kind, ...options } = environment;
  const family = findFamily(kind);
  // The config schema admits registered families only.
  if (!family) throw new UsageError(`no family is registered as "${kind}"`);
  const seed = options.seed ?? 0;
  const rotated = (rotation: number) =>
    rotation === 0 ? options : { ...options, seed: `${seed}/holdout-${rotation}` };
  return {
    /** The config whose environment holds the holdout of `rotation` (the gate runs on it). */
    configFor: (rotation: number): OptimizableConfig =>
      rotation === 0 ? config : { ...config, environment: { ...environment, ...rotated(rotation) } },
    async draw(rotation: number): Promise<Holdout> {
      const tasks = await family.draw(rotated(rotation), 'holdout');
      return {
        key: `${kind} ${canonicalJson(options as JsonValue)} holdout rotation ${rotation}`,
        tasks: limit(tasks),
      };
    },
  };
}
