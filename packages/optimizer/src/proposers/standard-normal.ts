import type { Rng } from '@ratchet/stats';

/**
 * One standard normal draw from a seeded stream (Box–Muller, cosine branch; two uniforms per draw, so
 * the number of draws a step takes never depends on earlier ones).
 *
 * @example
 * standardNormal(createRng(1)); // => the same value on every machine
 */
export function standardNormal(random: Rng): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const radius = Math.sqrt(-2 * Math.log(1 - random.next()));
  return radius * Math.cos(2 * Math.PI * random.next());
}
