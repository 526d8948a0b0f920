import { bootstrapBounds } from './bootstrap-bounds';
import { type BootstrapResult, type BootstrapSettings, resolveBootstrapSettings } from './bootstrap-options';
import { InvalidInputError } from './invalid-input-error';
import { createRng } from './rng';

/** One task's outcome at one generation (for a paired difference: the two arms' outcomes subtracted). */
export interface GenerationPoint {
  readonly generation: number;
  readonly value: number;
}

/** The least-squares slope of `values` on `generations` (both of one length, generations not all equal). */
function olsSlope(generations: Float64Array, values: Float64Array): number {
  const n = generations.length;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    sumX += generations[i] as number;
    sumY += values[i] as number;
  }
  const meanX = sumX / n;
  const meanY = sumY / n;
  let cross = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const dx = (generations[i] as number) - meanX;
    cross += dx * ((values[i] as number) - meanY);
    squares += dx * dx;
  }
  return cross / squares;
}

/**
 * The slope of an outcome over generations (least squares over every task's point), with a seeded
 * bootstrap interval that resamples tasks within each generation: each generation draws fresh tasks, so
 * tasks are the units and a generation's share of them is fixed, as it was by design (a stratified
 * cluster bootstrap; Davison & Hinkley 1997, §3.8). For the difference of two arms' slopes on the same
 * tasks, pass each task's paired difference: the slope of differences is the difference of slopes, and
 * resampling a task moves both of its outcomes together.
 *
 * @throws {InvalidInputError} for non-finite values or generations, fewer than two generations, a
 *   generation with fewer than two tasks, or invalid bootstrap settings.
 * @example
 * generationSlope([{ generation: 0, value: 0 }, { generation: 0, value: 1 }, { generation: 1, value: 1 },
 *   { generation: 1, value: 1 }, { generation: 2, value: 1 }, { generation: 2, value: 1 }], { seed: 1 }).estimate; // => 0.25
 */
export function generationSlope(points: readonly GenerationPoint[], options: BootstrapSettings): BootstrapResult {
  const settings = resolveBootstrapSettings('generationSlope', options);
  const strata = new Map<number, number[]>();
  for (const [i, point] of points.entries()) {
    if (!Number.isFinite(point.generation) || !Number.isFinite(point.value)) {
      throw new InvalidInputError({
        functionName: 'generationSlope',
        parameter: `points[${i}]`,
        problem: `must have a finite generation and value, received ${point.generation} and ${point.value}`,
      });
    }
    const stratum = strata.get(point.generation) ?? [];
    stratum.push(point.value);
    strata.set(point.generation, stratum);
  }
  const small = [...strata.entries()].find(([, values]) => values.length < 2);
  if (strata.size < 2 || small !== undefined) {
    throw new InvalidInputError({
      functionName: 'generationSlope',
      parameter: 'points',
      problem:
        strata.size < 2
          ? `must span at least two generations, received ${strata.size}`
          : `must hold at least two tasks per generation, generation ${small?.[0]} has ${small?.[1].length}`,
    });
  }
  const order = [...strata.keys()].sort((a, b) => a - b);
  const generations = Float64Array.from(order.flatMap((g) => (strata.get(g) as number[]).map(() => g)));
  const values = Float64Array.from(order.flatMap((g) => strata.get(g) as number[]));
  const estimate = olsSlope(generations, values);
  const rng = createRng(settings.seed).fork('generation-slope');
  const resampled = new Float64Array(values.length);
  const replicates = new Float64Array(settings.resamples);
  for (let r = 0; r < settings.resamples; r++) {
    let at = 0;
    for (const g of order) {
      const stratum = strata.get(g) as number[];
      for (let i = 0; i < stratum.length; i++) resampled[at++] = stratum[rng.int(stratum.length)] as number;
    }
    replicates[r] = olsSlope(generations, resampled);
  }
  replicates.sort();
  const bounds = bootstrapBounds({
    sorted: replicates,
    estimate,
    method: settings.method === 'bca' ? 'percentile' : settings.method,
    confidence: settings.confidence,
    nullValue: settings.nullValue,
  });
  return {
    estimate,
    ...bounds,
    n: values.length,
    units: values.length,
    resamples: settings.resamples,
    confidence: settings.confidence,
    method: settings.method === 'bca' ? 'percentile' : settings.method,
    seed: String(settings.seed),
  };
}
