import type { BootstrapMethod } from './bootstrap-bounds';
import { InvalidInputError } from './invalid-input-error';
import type { Seed } from './rng';
import { assertCount, assertProbability } from './validate';

/** Settings shared by `bootstrapInterval` and `pairedBootstrap`. */
export interface BootstrapSettings {
  /** Number of resamples, default 10,000. */
  resamples?: number;
  /** Two-sided confidence level, default 0.95. */
  confidence?: number;
  /** Interval construction, default 'percentile'. */
  method?: BootstrapMethod;
  /** Seed of the resampling stream. Required: an unseeded bootstrap cannot be reproduced. */
  seed: Seed;
  /** The value the p-value tests against, default 0. */
  nullValue?: number;
}

/** What a bootstrap reports: the estimate, its interval, and everything needed to reproduce it. */
export interface BootstrapResult {
  estimate: number;
  low: number;
  high: number;
  /**
   * Two-sided p-value for `nullValue`, read from the same order statistics as the interval: p < 1 −
   * confidence exactly when the interval excludes `nullValue` (for 'bca', see `bootstrapBounds`).
   */
  pValue: number;
  /** Observations (pairs, for the paired bootstrap). */
  n: number;
  /** Resampling units: n, or the number of clusters. */
  units: number;
  resamples: number;
  confidence: number;
  method: BootstrapMethod;
  seed: string;
}

export function resolveBootstrapSettings(functionName: string, settings: BootstrapSettings) {
  const resamples = settings.resamples ?? 10_000;
  const confidence = settings.confidence ?? 0.95;
  const method = settings.method ?? 'percentile';
  const nullValue = settings.nullValue ?? 0;
  assertCount(functionName, 'resamples', resamples, 1);
  assertProbability(functionName, 'confidence', confidence, true);
  if (!(2 / (resamples + 1) < 1 - confidence)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'resamples',
      problem: `must be at least ${minimumResamples(confidence)} for confidence ${confidence}, received ${resamples}: with fewer, the interval's ends lie beyond the most extreme resample`,
    });
  }
  if (method !== 'percentile' && method !== 'basic' && method !== 'bca') {
    throw new InvalidInputError({
      functionName,
      parameter: 'method',
      problem: `must be 'percentile', 'basic' or 'bca', received '${String(method)}'`,
    });
  }
  if (!Number.isFinite(nullValue)) {
    throw new InvalidInputError({
      functionName,
      parameter: 'nullValue',
      problem: `must be finite, received ${nullValue}`,
    });
  }
  if (settings.seed === undefined) {
    throw new InvalidInputError({
      functionName,
      parameter: 'seed',
      problem: 'is required: pass a number or string so the resampling can be reproduced',
    });
  }
  return { resamples, confidence, method, nullValue, seed: settings.seed };
}

/**
 * The fewest resamples at which a bootstrap interval at `confidence` has both ends inside the
 * replicates: the least R with 2/(R + 1) < 1 − confidence (39 at 95%, 199 at 99%).
 */
export function minimumResamples(confidence: number): number {
  let resamples = Math.max(1, Math.floor(2 / (1 - confidence)) - 2);
  while (!(2 / (resamples + 1) < 1 - confidence)) resamples++;
  return resamples;
}
