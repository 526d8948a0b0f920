import type { Corpus, PairMetric } from '@ratchet/corpus';
import { benjaminiHochberg, pairedBootstrap } from '@ratchet/stats';

/** One planned contrast between two arms of a run: candidate − baseline, paired by task. */
export interface ArmContrast {
  readonly name: string;
  readonly baseline: string;
  readonly candidate: string;
}

export interface ArmContrastResult extends ArmContrast {
  readonly n: number;
  /** Tasks left out (infra, unmeasured or unpaired), counted. */
  readonly excluded: number;
  readonly estimate: number | null;
  readonly low: number | null;
  readonly high: number | null;
  readonly pValue: number | null;
  /** Benjamini–Hochberg over the contrasts given together; null when not estimable. */
  readonly qValue: number | null;
}

/**
 * Each contrast's paired difference on `metric` (the corpus aligns the arms by task and averages
 * replicates first), a seeded paired bootstrap (10,000 resamples) of the mean, and BH q-values over
 * the contrasts given together: one family.
 */
export async function armContrasts(
  corpus: Corpus,
  runId: string,
  contrasts: readonly ArmContrast[],
  metric: PairMetric,
  seed: string,
): Promise<ArmContrastResult[]> {
  const results = [];
  for (const contrast of contrasts) {
    const pairs = await corpus.pairs({
      baseline: { runId, armId: contrast.baseline },
      candidate: { runId, armId: contrast.candidate },
      metric,
    });
    const excluded = pairs.excluded.infra.length + pairs.excluded.unmeasured.length + pairs.excluded.unpaired.length;
    const estimable = pairs.taskIds.length >= 2;
    const boot = estimable
      ? pairedBootstrap(pairs.baseline, pairs.candidate, { seed: `${seed}/${contrast.name}`, resamples: 10_000 })
      : null;
    results.push({
      ...contrast,
      n: pairs.taskIds.length,
      excluded,
      estimate: boot?.estimate ?? null,
      low: boot?.low ?? null,
      high: boot?.high ?? null,
      pValue: boot?.pValue ?? null,
    });
  }
  const estimated = results.filter((result) => result.pValue !== null);
  const q = estimated.length > 0 ? benjaminiHochberg(estimated.map((result) => result.pValue as number)) : [];
  return results.map((result) => {
    const index = estimated.indexOf(result);
    return { ...result, qValue: index < 0 ? null : (q[index] ?? null) };
  });
}
