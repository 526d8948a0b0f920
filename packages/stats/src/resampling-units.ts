import { fillUniformInts, type Rng, sumOfUniformDraws } from './rng';

/**
 * The units a bootstrap resamples: single observations, or whole clusters. Stored compactly: unit u
 * owns observation indices `members[offsets[u]] … members[offsets[u + 1] − 1]`.
 */
export interface ResamplingUnits {
  count: number;
  members: Uint32Array;
  offsets: Uint32Array;
  /** The most observations any one resample can hold. */
  maxResampleSize: number;
}

/** A statistic evaluated on the observations at `indices[0 … size − 1]` (repeats allowed). */
export type IndexedStatistic = (indices: Uint32Array, size: number) => number;

export function resamplingUnits(n: number, clusters?: ArrayLike<string | number>): ResamplingUnits {
  if (clusters === undefined) {
    const identity = new Uint32Array(n);
    const offsets = new Uint32Array(n + 1);
    for (let i = 0; i < n; i++) {
      identity[i] = i;
      offsets[i + 1] = i + 1;
    }
    return { count: n, members: identity, offsets, maxResampleSize: n };
  }
  const groups = new Map<string | number, number[]>();
  for (let i = 0; i < n; i++) {
    const label = clusters[i] as string | number;
    const group = groups.get(label);
    if (group) group.push(i);
    else groups.set(label, [i]);
  }
  const members = new Uint32Array(n);
  const offsets = new Uint32Array(groups.size + 1);
  let position = 0;
  let largest = 0;
  let unit = 0;
  for (const group of groups.values()) {
    members.set(group, position);
    position += group.length;
    offsets[++unit] = position;
    largest = Math.max(largest, group.length);
  }
  return { count: groups.size, members, offsets, maxResampleSize: largest * groups.size };
}

/** `resamples` bootstrap replicates of `statistic`, each over `units.count` units drawn with replacement. */
export function bootstrapReplicates(
  units: ResamplingUnits,
  statistic: IndexedStatistic,
  resamples: number,
  rng: Rng,
): Float64Array {
  const replicates = new Float64Array(resamples);
  const picks = new Uint32Array(units.count);
  const indices = new Uint32Array(units.maxResampleSize);
  const { members, offsets } = units;
  for (let r = 0; r < resamples; r++) {
    fillUniformInts(rng, picks, units.count);
    let size = 0;
    for (let k = 0; k < picks.length; k++) {
      const unit = picks[k] as number;
      for (let m = offsets[unit] as number; m < (offsets[unit + 1] as number); m++)
        indices[size++] = members[m] as number;
    }
    replicates[r] = statistic(indices, size);
  }
  return replicates;
}

/** Leave-one-unit-out replicates of `statistic` (the grouped jackknife when units are clusters). */
export function jackknifeReplicates(units: ResamplingUnits, statistic: IndexedStatistic): Float64Array {
  const replicates = new Float64Array(units.count);
  const indices = new Uint32Array(units.members.length);
  for (let left = 0; left < units.count; left++) {
    let size = 0;
    for (let unit = 0; unit < units.count; unit++) {
      if (unit === left) continue;
      for (let m = units.offsets[unit] as number; m < (units.offsets[unit + 1] as number); m++) {
        indices[size++] = units.members[m] as number;
      }
    }
    replicates[left] = statistic(indices, size);
  }
  return replicates;
}

/** Fast path for the mean of single observations: each resample summed as it is drawn, no index buffer. */
export function meanBootstrapReplicates(values: Float64Array, resamples: number, rng: Rng): Float64Array {
  const n = values.length;
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) replicates[r] = sumOfUniformDraws(rng, values, n) / n;
  return replicates;
}
