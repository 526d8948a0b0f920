import type { Corpus } from '@ratchet/corpus';
import { benjaminiHochberg, pairedBinaryContrast, pairedBootstrap } from '@ratchet/stats';
import type { ContrastFamily } from './planned-contrasts';

/** One side of a contrast: an arm of a run. */
export interface ArmRef {
  runId: string;
  armId: string;
}

/** How a contrast was measured, and what it found. */
export interface MeasuredContrast {
  /** Paired tasks used. */
  n: number;
  estimate: number | null;
  low: number | null;
  high: number | null;
  pValue: number | null;
  /** BH-adjusted within the contrast's family. */
  qValue: number | null;
  /** McNemar's exact test for pass/fail outcomes below 20 pairs (docs/statistics.md), else the paired bootstrap. */
  test: 'mcnemar-exact' | 'bootstrap' | null;
  excluded: { infra: number; unmeasured: number; unpaired: number };
}

/** Below this many pairs, pass/fail contrasts use the exact test, as the protocol says. */
export const exactBelowPairs = 20;

/**
 * candidate − baseline on the resolved rate, paired by task (replicates averaged, infra and unpaired
 * tasks excluded and counted). Pass/fail outcomes on fewer than 20 tasks: McNemar's exact test with an
 * interval for the paired lift; otherwise a seeded paired bootstrap. q is left for `adjustWithinFamilies`.
 */
export async function pairedContrast(
  corpus: Corpus,
  baseline: ArmRef,
  candidate: ArmRef,
  seed: string,
): Promise<MeasuredContrast> {
  const pairs = await corpus.pairs({ baseline, candidate, metric: 'resolved' });
  const n = pairs.taskIds.length;
  const binary = [...pairs.baseline, ...pairs.candidate].every((value) => value === 0 || value === 1);
  const excluded = {
    infra: pairs.excluded.infra.length,
    unmeasured: pairs.excluded.unmeasured.length,
    unpaired: pairs.excluded.unpaired.length,
  };
  if (n >= 1 && binary && n < exactBelowPairs) {
    const exact = pairedBinaryContrast(pairs.baseline, pairs.candidate);
    return { n, ...pick(exact), qValue: null, test: 'mcnemar-exact', excluded };
  }
  if (n >= 2) {
    const boot = pairedBootstrap(pairs.baseline, pairs.candidate, { seed });
    return { n, ...pick(boot), qValue: null, test: 'bootstrap', excluded };
  }
  return { n, estimate: null, low: null, high: null, pValue: null, qValue: null, test: null, excluded };
}

function pick(result: { estimate: number; low: number; high: number; pValue: number }) {
  return { estimate: result.estimate, low: result.low, high: result.high, pValue: result.pValue };
}

/** Sets each contrast's q: Benjamini–Hochberg over the p-values of its family. */
export function adjustWithinFamilies(
  contrasts: Array<{ family: ContrastFamily; pValue: number | null; qValue: number | null }>,
): void {
  for (const family of ['decomposition', 'primary', 'exploratory'] as const) {
    const members = contrasts.filter((c) => c.family === family && c.pValue !== null);
    const q = benjaminiHochberg(members.map((c) => c.pValue as number));
    members.forEach((contrast, i) => {
      contrast.qValue = q[i] ?? null;
    });
  }
}
