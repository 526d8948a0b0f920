import { bootstrapBounds } from './bootstrap-bounds';
import { type BootstrapResult, type BootstrapSettings, resolveBootstrapSettings } from './bootstrap-options';
import { InvalidInputError } from './invalid-input-error';
import { multinomialMeanReplicates } from './multinomial-mean-replicates';
import { bootstrapReplicates, jackknifeReplicates, meanBootstrapReplicates, resamplingUnits } from './resampling-units';
import { createRng } from './rng';
import { indexedStatistic, type SampleStatistic } from './sample-statistic';
import { assertFiniteSample, assertSameLength, type NumericArray } from './validate';

export interface BootstrapIntervalOptions extends BootstrapSettings {
  /** The statistic to bootstrap, default 'mean'. */
  statistic?: SampleStatistic;
  /** One cluster label per value: whole clusters are resampled together. */
  clusters?: ArrayLike<string | number>;
}

/**
 * Seeded nonparametric bootstrap confidence interval for a statistic of one sample.
 *
 * Reference: scipy.stats.bootstrap (same methods; numbers agree within Monte Carlo error, not
 * digit for digit, since the random streams differ); Efron & Tibshirani (1993).
 * @param x - finite values, at least two.
 * @param options - statistic, resamples (10,000), confidence (0.95), method ('percentile'), seed (required).
 * @throws {InvalidInputError} for non-finite values, a missing seed, or invalid settings (including fewer
 * resamples than the confidence needs: 2/(R + 1) < 1 − confidence).
 * @example
 * bootstrapInterval([3, 5, 4, 6, 5, 7, 4, 5], { seed: 1 });
 * // => { estimate: 4.875, low: 4.125, high: 5.75, pValue: 0.0002, n: 8, units: 8, resamples: 10000, … }
 */
export function bootstrapInterval(x: NumericArray, options: BootstrapIntervalOptions): BootstrapResult {
  const settings = resolveBootstrapSettings('bootstrapInterval', options);
  assertFiniteSample('bootstrapInterval', 'x', x, 2);
  if (options.clusters !== undefined) assertSameLength('bootstrapInterval', ['x', 'clusters'], x, options.clusters);
  return bootstrapSample(
    'bootstrapInterval',
    Float64Array.from(x),
    options.statistic ?? 'mean',
    options.clusters,
    settings,
  );
}

/** The shared engine: resample units of `values`, evaluate the statistic, and bound it. */
export function bootstrapSample(
  functionName: string,
  values: Float64Array,
  statistic: SampleStatistic,
  clusters: ArrayLike<string | number> | undefined,
  settings: ReturnType<typeof resolveBootstrapSettings>,
): BootstrapResult {
  if (statistic !== 'mean' && statistic !== 'median' && typeof statistic !== 'function') {
    throw new InvalidInputError({
      functionName,
      parameter: 'statistic',
      problem: `must be 'mean', 'median' or a function of the values, received ${String(statistic)}`,
    });
  }
  const units = resamplingUnits(values.length, clusters);
  if (units.count < 2) {
    throw new InvalidInputError({
      functionName,
      parameter: 'clusters',
      problem: 'must name at least 2 distinct clusters',
    });
  }
  const evaluate = indexedStatistic(statistic, values);
  const estimate = evaluate(units.members, units.members.length);
  const rng = createRng(settings.seed);
  const replicates =
    statistic === 'mean' && clusters === undefined
      ? (multinomialMeanReplicates(values, settings.resamples, rng) ??
        meanBootstrapReplicates(values, settings.resamples, rng))
      : bootstrapReplicates(units, evaluate, settings.resamples, rng);
  replicates.sort();
  const jackknife = settings.method === 'bca' ? jackknifeReplicates(units, evaluate) : undefined;
  const bounds = bootstrapBounds({
    sorted: replicates,
    estimate,
    method: settings.method,
    confidence: settings.confidence,
    nullValue: settings.nullValue,
    ...(jackknife ? { jackknife } : {}),
  });
  return {
    estimate,
    ...bounds,
    n: values.length,
    units: units.count,
    resamples: settings.resamples,
    confidence: settings.confidence,
    method: settings.method,
    seed: rng.seed,
  };
}
