import { bootstrapSample } from './bootstrap-interval';
import { type BootstrapResult, type BootstrapSettings, resolveBootstrapSettings } from './bootstrap-options';
import type { SampleStatistic } from './sample-statistic';
import { assertFiniteSample, assertSameLength, type NumericArray } from './validate';

export interface PairedBootstrapOptions extends BootstrapSettings {
  /** Statistic of the paired differences b − a, default 'mean' (the mean lift). */
  statistic?: SampleStatistic;
  /**
   * One cluster label per pair (e.g. the task family, or the task when replicates are pairs):
   * clusters are resampled whole, so correlated pairs are not counted as independent evidence.
   */
  clusters?: ArrayLike<string | number>;
}

/**
 * Seeded paired bootstrap of the lift of `b` over `a`: pairs (aᵢ, bᵢ) are resampled jointly (or whole
 * clusters of pairs), and the statistic of the differences bᵢ − aᵢ is bounded. The two-sided p-value
 * for lift = nullValue (default 0) is read from the same order statistics as the interval, so
 * p < 1 − confidence exactly when the interval excludes nullValue (see `bootstrapBounds`).
 *
 * Reference: scipy.stats.bootstrap((a, b), lambda a, b: mean(b - a), paired=True) agrees within
 * Monte Carlo error; Efron & Tibshirani (1993), ch. 16.
 * @param a - baseline outcomes per task.
 * @param b - candidate outcomes per task, aligned with `a`.
 * @throws {InvalidInputError} for different lengths, non-finite values, a missing seed, fewer than 2 pairs, or
 * fewer resamples than the confidence needs (2/(R + 1) < 1 − confidence).
 * @example
 * pairedBootstrap([0, 1, 0, 1, 0, 0], [1, 1, 0, 1, 1, 1], { seed: 7 });
 * // => { estimate: 0.5, low: 0.1667, high: 0.8333, pValue: 0.0284, n: 6, … }
 */
export function pairedBootstrap(a: NumericArray, b: NumericArray, options: PairedBootstrapOptions): BootstrapResult {
  const settings = resolveBootstrapSettings('pairedBootstrap', options);
  assertFiniteSample('pairedBootstrap', 'a', a, 2);
  assertSameLength('pairedBootstrap', ['a', 'b'], a, b);
  assertFiniteSample('pairedBootstrap', 'b', b, 2);
  if (options.clusters !== undefined) assertSameLength('pairedBootstrap', ['a', 'clusters'], a, options.clusters);
  const differences = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) differences[i] = (b[i] as number) - (a[i] as number);
  return bootstrapSample('pairedBootstrap', differences, options.statistic ?? 'mean', options.clusters, settings);
}
