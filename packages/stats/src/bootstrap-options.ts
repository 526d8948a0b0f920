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
  /** Two-sided p-value for `nullValue`, consistent with the interval (p < 1 − confidence ⇔ excluded). */
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
