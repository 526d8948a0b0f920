import type { RunManifest } from '@ratchet/corpus';
import type { RunSummary } from '@ratchet/runtime';
import Table from 'cli-table3';
import pc from 'picocolors';
import { contrastReading } from './contrast-reading';
import {
  formatInterval,
  formatPercent,
  formatProbability,
  formatUsd,
  formatPoints as points,
} from './report/format-figures';

const percent = (share: number | null | undefined) => formatPercent(share ?? null);

/**
 * The run as terminal tables: arms (success with its Wilson interval, the oracle upper bound, spend,
 * equal-compute flags) and contrasts (estimate in points, CI, p, q, n, excluded tasks).
 */
export function terminalReport(manifest: RunManifest, summary: RunSummary): string {
  const arms = new Table({
    head: [
      'arm',
      'strategy',
      'k',
      'solved',
      '95% CI',
      'oracle (upper bound)',
      'attempts',
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
      arm.analystCalls,
      formatUsd(arm.spend.usd),
      arm.infraCells,
    ]);
  }
  const contrasts = new Table({
    head: ['contrast', 'family', 'lift (points)', '95% CI', 'p', 'q (BH)', 'tasks', 'excluded'],
    style: { head: [], border: [] },
  });
  for (const contrast of summary.contrasts) {
    const excluded = contrast.excluded.infra + contrast.excluded.unmeasured + contrast.excluded.unpaired;
    contrasts.push([
      contrast.family === 'primary' ? pc.bold(contrast.name) : contrast.name,
      contrast.family,
      points(contrast.estimate),
      formatInterval(contrast.low, contrast.high),
      formatProbability(contrast.pValue),
      formatProbability(contrast.qValue),
      contrast.n,
      excluded,
    ]);
  }
  const flags = summary.arms.flatMap((arm) => arm.computeFlags.map((flag) => `  ${arm.armId}: ${flag}`));
  const primary = manifest.primaryContrast;
  return [
    `${pc.bold(`Run ${summary.runId}`)} · ${manifest.benchmark} · ${summary.status} (${summary.stopReason}) · seed ${manifest.seed}`,
    `Pre-registered primary contrast: ${primary.name} = ${primary.candidate} − ${primary.baseline}`,
    arms.toString(),
    contrasts.toString(),
    ...summary.contrasts.filter((c) => c.family === 'primary').map((c) => `Reading: ${contrastReading(c)}`),
    ...(flags.length > 0
      ? ['Equal compute:', ...flags]
      : ['Equal compute: every arm at the control’s k spent within tolerance.']),
  ].join('\n');
}
