import { InvalidInputError } from './invalid-input-error';
import { assertFiniteSample, assertSameLength, type NumericArray } from './validate';

/** A cluster label per observation (a task id, a repository, a seed family). */
export type ClusterLabels = ArrayLike<string | number>;

/**
 * Cluster-robust standard error of the mean: observations in one cluster may be correlated, clusters
 * are independent. V = C/(C−1) · Σ_g (Σ_{i∈g} (xᵢ − x̄))² / n², the CR1 sandwich estimator for a
 * regression on a constant (with K = 1 the (n−1)/(n−K) factor is 1, so C/(C−1) is the whole correction).
 * With every observation in its own cluster it equals `standardError(x)`.
 *
 * Reference: Stata `regress x, vce(cluster g)`; statsmodels OLS(x, 1).fit(cov_type="cluster").bse.
 * @param x - finite observations.
 * @param clusters - one label per observation; at least two distinct clusters.
 * @throws {InvalidInputError} for mismatched lengths, non-finite values, or fewer than two clusters.
 * @example
 * clusteredStandardError([1, 2, 3, 4, 5, 6], ['a', 'a', 'b', 'b', 'c', 'c']); // => 1.1547005383792515
 */
export function clusteredStandardError(x: NumericArray, clusters: ClusterLabels): number {
  assertFiniteSample('clusteredStandardError', 'x', x, 2);
  assertSameLength('clusteredStandardError', ['x', 'clusters'], x, clusters);
  const n = x.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i] as number;
  const mean = total / n;
  const sums = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const label = clusters[i] as string | number;
    sums.set(label, (sums.get(label) ?? 0) + ((x[i] as number) - mean));
  }
  const c = sums.size;
  if (c < 2) {
    throw new InvalidInputError({
      functionName: 'clusteredStandardError',
      parameter: 'clusters',
      problem: `must name at least 2 distinct clusters, received ${c}`,
    });
  }
  let meat = 0;
  for (const sum of sums.values()) meat += sum * sum;
  return Math.sqrt(((c / (c - 1)) * meat) / (n * n));
}
