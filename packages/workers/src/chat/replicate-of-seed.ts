/**
 * The replicate index in an attempt seed. The runtime derives attempt seeds as
 * `<run seed>/<arm>/<task>/<replicate>/a<attempt>`, so the replicate is the number before the final
 * `a<n>`. Returns 0 for a seed of another shape: a cache key also holds the whole seed, so draws stay
 * distinct either way.
 *
 * @example
 * replicateOfSeed('42/refine/task-7/3/a0'); // => 3
 */
export function replicateOfSeed(seed: string): number {
  const match = /(?:^|\/)(\d+)\/a\d+$/.exec(seed);
  return match ? Number(match[1]) : 0;
}
