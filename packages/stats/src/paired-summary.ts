import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, sampleCorrelation } from 'simple-statistics';
import { type ClusterLabels, clusteredStandardError } from './clustered-standard-error';
import { standardError } from './standard-error';
import { assertFiniteSample, assertProbability, assertSameLength, type NumericArray } from './validate';

/** Descriptive summary of two arms paired by task. */
export interface PairedSummary {
  n: number;
  meanA: number;
  meanB: number;
  /** mean(b − a): the lift of b over a. */
  meanDifference: number;
  /** Standard error of the mean difference (cluster-robust when clusters were given). */
  standardError: number;
  /** Student-t interval: n − 1 degrees of freedom, or C − 1 with C clusters. */
  low: number;
  high: number;
  confidence: number;
  degreesOfFreedom: number;
  /** Pearson correlation of a and b; null when either arm is constant (undefined, not zero). */
  correlation: number | null;
}

/**
 * Mean lift of b over a with its standard error, a t interval, and the correlation between the arms
 * (pairing pays off when it is high).
 *
 * Reference: scipy.stats.ttest_rel(b, a).confidence_interval(); R `t.test(b, a, paired = TRUE)$conf.int`.
 * @param a - baseline outcomes per task.
 * @param b - candidate outcomes per task, aligned with `a`.
 * @param clusters - optional cluster label per pair for a cluster-robust standard error.
 * @param confidence - two-sided level, default 0.95.
 * @throws {InvalidInputError} for different lengths, fewer than two pairs, or non-finite values.
 * @example
 * pairedSummary([0.2, 0.4, 0.5, 0.3], [0.3, 0.6, 0.5, 0.5]);
 * // => { n: 4, meanDifference: 0.125, standardError: 0.0478713…, low: -0.0273…, high: 0.2773…, … }
 */
export function pairedSummary(
  a: NumericArray,
  b: NumericArray,
  clusters?: ClusterLabels,
  confidence = 0.95,
): PairedSummary {
  assertFiniteSample('pairedSummary', 'a', a, 2);
  assertSameLength('pairedSummary', ['a', 'b'], a, b);
  assertFiniteSample('pairedSummary', 'b', b, 2);
  assertProbability('pairedSummary', 'confidence', confidence, true);
  const n = a.length;
  const differences = Array.from({ length: n }, (_, i) => (b[i] as number) - (a[i] as number));
  const se = clusters === undefined ? standardError(differences) : clusteredStandardError(differences, clusters);
  const degreesOfFreedom = clusters === undefined ? n - 1 : new Set(Array.from(clusters)).size - 1;
  const meanDifference = mean(differences);
  const t = tQuantile(1 - (1 - confidence) / 2, degreesOfFreedom);
  const arrayA = Array.from(a);
  const arrayB = Array.from(b);
  const correlation = sampleCorrelation(arrayA, arrayB);
  return {
    n,
    meanA: mean(arrayA),
    meanB: mean(arrayB),
    meanDifference,
    standardError: se,
    low: meanDifference - t * se,
    high: meanDifference + t * se,
    confidence,
    degreesOfFreedom,
    correlation: Number.isFinite(correlation) ? correlation : null,
  };
}
