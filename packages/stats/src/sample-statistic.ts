import { medianSorted } from 'simple-statistics';
import type { IndexedStatistic } from './resampling-units';

/** A statistic of one sample: the mean, the median, or your own function of the values. */
export type SampleStatistic = 'mean' | 'median' | ((values: Float64Array) => number);

/** Turns a sample statistic into one that reads `values` through resampled indices. */
export function indexedStatistic(statistic: SampleStatistic, values: Float64Array): IndexedStatistic {
  if (statistic === 'mean') {
    return (indices, size) => {
      let sum = 0;
      for (let i = 0; i < size; i++) sum += values[indices[i] as number] as number;
      return sum / size;
    };
  }
  const scratch = new Float64Array(Math.max(values.length, 1) * 4);
  let buffer = scratch;
  const gather = (indices: Uint32Array, size: number) => {
    if (buffer.length < size) buffer = new Float64Array(size);
    const sample = buffer.subarray(0, size);
    for (let i = 0; i < size; i++) sample[i] = values[indices[i] as number] as number;
    return sample;
  };
  if (statistic === 'median') {
    return (indices, size) => medianSorted(gather(indices, size).sort() as unknown as number[]);
  }
  return (indices, size) => statistic(gather(indices, size));
}
