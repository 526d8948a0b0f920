import { RuntimeError } from '../contracts/runtime-error';
import type { StrategyPlan } from '../strategies/strategy';

/** The contrast named before the run (DESIGN rule 6): candidate − baseline. */
export interface PrimaryContrast {
  name: string;
  baseline: string;
  candidate: string;
}

/**
 * `steering = refine − random` at the same k: the default pre-registered contrast.
 * @throws {RuntimeError} when the arms hold no such pair; name the contrast yourself then.
 */
export function defaultPrimaryContrast(arms: ReadonlyArray<StrategyPlan & { id: string }>): PrimaryContrast {
  for (const candidate of arms.filter((arm) => arm.strategy.name === 'refine')) {
    const baseline = arms.find((arm) => arm.strategy.name === 'random' && arm.k === candidate.k);
    if (baseline) return { name: 'steering', baseline: baseline.id, candidate: candidate.id };
  }
  throw new RuntimeError(
    'runBenchmark: no refine and random arms at the same k to form the default primary contrast; pass primaryContrast: { name, baseline, candidate }',
  );
}
