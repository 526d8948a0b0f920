import type { CellRecord } from '@ratchet/corpus';
import { cellRecord } from '../harness/cell-records';
import { sumUsage } from '../harness/sum-usage';
import type { CellToRun } from './cells-to-run';
import type { BenchmarkPlan } from './plan-benchmark';
import type { Arm } from './run-benchmark-options';
import { cellSpecOf } from './run-planned-cell';

/**
 * The record of a cell no try could finish (a job that failed on every delivery: workers killed, a
 * worker that cannot build the run): `infra`, so it is excluded from rates and contrasts and counted
 * as infra, never as a failure, and `--retry-infra` can run it again. The attempts its tries left are
 * in the corpus already and count as spend of tries that gave no result.
 */
export function abandonedCellRecord(
  plan: BenchmarkPlan,
  cell: CellToRun<Arm>,
  failure: { error: string; deliveries: number },
  now: () => Date,
): CellRecord {
  return cellRecord(
    cellSpecOf(plan, cell),
    { now },
    {
      attemptIds: [],
      final: null,
      chosenBy: 'checks',
      verdict: null,
      oracle: null,
      // Its own attempts: none. The killed tries' attempts are counted apart, as spend that gave no result.
      spend: sumUsage([]),
      analystCalls: 0,
      infra: { error: failure.error.slice(0, 10_000), retries: Math.max(0, failure.deliveries - 1) },
      strategyFailure: null,
    },
  );
}
