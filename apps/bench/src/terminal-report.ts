import type { RunManifest } from '@ratchet/corpus';
import type { RunSummary } from '@ratchet/runtime';
import Table from 'cli-table3';
import pc from 'picocolors';
import { contrastReading } from './contrast-reading';
import { equalComputeLines } from './report/equal-compute-lines';
import { failureReasonLines, sameFailureWarning } from './report/failure-reasons';
import { failureWarnings } from './report/failure-warnings';
import {
  formatCount,
  formatInterval,
  formatPercent,
  formatProbability,
  formatUsd,
  formatPoints as points,
} from './report/format-figures';
import { runState } from './report/run-state';

const percent = (share: number | null | undefined) => formatPercent(share ?? null);
const solvedLegend =
  'solved: the output each cell chose (by its strategy, or by its checks) passed the judge; oracle: any attempt of the cell passed — an upper bound no deployed agent reaches, never a result.';

/**
 * The run as terminal tables: its state, arms (success with its Wilson interval, the oracle upper
 * bound, attempts, work units, spend), contrasts by family (estimate in points, CI, p, q, test, n,
 * excluded tasks), the primary contrast read in a sentence, equal compute figure by figure, and loud
 * warnings for arms whose attempts mostly failed the same way.
 */
export function terminalReport(manifest: RunManifest, summary: RunSummary): string {
  const workUnits = summary.workUnit ? `work units (${summary.workUnit})` : 'work units';
  const arms = new Table({
    head: [
      'arm',
      'strategy',
      'k',
      'solved',
      '95% CI',
      'oracle (upper bound)',
      'attempts',
      workUnits,
      'analyst calls',
      'cost',
      'infra',
    ],
    style: { head: [], border: [] },
  });
  for (const arm of summary.arms) {
    const rate = arm.successRate;
    arms.push([
      arm.armId,
      arm.strategy,
      arm.k,
      percent(rate?.estimate),
      rate ? `${percent(rate.low)} – ${percent(rate.high)}` : '—',
      percent(arm.oracleRate),
      arm.attempts,
      formatCount(arm.spend.workUnits),
      arm.analystCalls,
      formatUsd(arm.spend.usd),
      arm.infraCells,
    ]);
  }
  const contrasts = new Table({
    head: ['contrast', 'family', 'lift (points)', '95% CI', 'p', 'q (BH)', 'test', 'tasks', 'excluded'],
    style: { head: [], border: [] },
  });
  for (const contrast of summary.contrasts) {
    const excluded = contrast.excluded.infra + contrast.excluded.unmeasured + contrast.excluded.unpaired;
    const difference = `${contrast.candidate} − ${contrast.baseline}`;
    const name = contrast.name === difference ? difference : `${contrast.name} = ${difference}`;
    contrasts.push([
      contrast.primary ? pc.bold(`${name} (primary)`) : name,
      contrast.family,
      points(contrast.estimate),
      formatInterval(contrast.low, contrast.high),
      formatProbability(contrast.pValue),
      formatProbability(contrast.qValue),
      contrast.test ?? '—',
      contrast.n,
      excluded,
    ]);
  }
  const unfinished = summary.arms.filter((arm) => arm.unfinished.attempts > 0);
  const primary = manifest.primaryContrast;
  const sameFailure = sameFailureWarning(summary.arms);
  const warnings = [...(sameFailure ? [sameFailure] : []), ...failureWarnings(summary.arms)];
  const reasons = failureReasonLines(summary.arms);
  const retryOf = summary.retryOf;
  return [
    `${pc.bold(`Run ${summary.runId}`)} · ${manifest.benchmark} · ${runState(manifest, summary)} · seed ${manifest.seed}`,
    ...(retryOf === null
      ? [
          `Pre-registered primary contrast: ${primary.name} = ${primary.candidate} − ${primary.baseline}`,
          arms.toString(),
          solvedLegend,
          contrasts.toString(),
        ]
      : [
          pc.yellow(
            pc.bold(
              `A retry of the ${retryOf.selected} failed cell(s) of run ${retryOf.runId} (run ${retryOf.runId} is unchanged).`,
            ),
          ),
          pc.yellow(
            'Every rate below is conditional on failure there: not an estimate of any arm’s success rate, and no contrast is measured.',
          ),
          arms.toString(),
          solvedLegend,
        ]),
    ...summary.contrasts.filter((c) => c.primary).map((c) => `Reading: ${contrastReading(c)}`),
    `Equal compute (per cell, against ${summary.control}):`,
    ...equalComputeLines(summary).map((line) => `  ${line}`),
    ...(reasons.length > 0
      ? ['Why cells failed (judge reasons for unresolved cells; agent failures by attempt):']
      : []),
    ...reasons.map((line) => `  ${line}`),
    ...(unfinished.length > 0
      ? [
          `Spend includes tries that gave no result (killed before their cell was recorded, or infra cells re-run): ${unfinished
            .map(
              (arm) =>
                `${arm.armId} ${arm.unfinished.attempts} attempt(s), ${formatUsd(arm.unfinished.spend?.usd ?? null)}`,
            )
            .join('; ')}.`,
        ]
      : []),
    ...(warnings.length > 0 ? [pc.yellow(pc.bold('Warning:')), ...warnings.map((line) => pc.yellow(line))] : []),
  ].join('\n');
}
