import type { Corpus } from '@ratchet/corpus';
import { benjaminiHochberg, pairedBootstrap } from '@ratchet/stats';
import type { ContrastSummary } from './summarize-run';

/** One side of a contrast: an arm of a run. */
export interface ArmRef {
  runId: string;
  armId: string;
}

/**
 * candidate − baseline on the resolved rate, paired by task (replicates averaged, infra and unpaired
 * tasks excluded and counted), with a seeded paired bootstrap; q is left for `adjustWithinFamilies`.
 */
export async function pairedContrast(
  corpus: Corpus,
  baseline: ArmRef,
  candidate: ArmRef,
  seed: string,
): Promise<Omit<ContrastSummary, 'name' | 'family' | 'baseline' | 'candidate'>> {
  const pairs = await corpus.pairs({ baseline, candidate, metric: 'resolved' });
  const boot = pairs.taskIds.length >= 2 ? pairedBootstrap(pairs.baseline, pairs.candidate, { seed }) : null;
  return {
    n: pairs.taskIds.length,
    estimate: boot?.estimate ?? null,
    low: boot?.low ?? null,
    high: boot?.high ?? null,
    pValue: boot?.pValue ?? null,
    qValue: null,
    excluded: {
      infra: pairs.excluded.infra.length,
      unmeasured: pairs.excluded.unmeasured.length,
      unpaired: pairs.excluded.unpaired.length,
    },
  };
}

/** Sets each contrast's q: Benjamini–Hochberg over the p-values of its family. */
export function adjustWithinFamilies(contrasts: ContrastSummary[]): void {
  for (const family of ['primary', 'exploratory'] as const) {
    const members = contrasts.filter((c) => c.family === family && c.pValue !== null);
    const q = benjaminiHochberg(members.map((c) => c.pValue as number));
    members.forEach((contrast, i) => {
      contrast.qValue = q[i] ?? null;
    });
  }
}
