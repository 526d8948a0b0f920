import type { RunComparison } from '@ratchet/runtime';
import Table from 'cli-table3';
import pc from 'picocolors';
import { formatInterval, formatPoints, formatProbability } from './report/format-figures';

/** `ratchet report --compare`: one row per matched arm (candidate run − baseline run), and what differs. */
export function comparisonReport(comparison: RunComparison): string {
  const table = new Table({
    head: ['arm', 'lift (points)', '95% CI', 'p', 'q (BH)', 'tasks', 'excluded'],
    style: { head: [], border: [] },
  });
  for (const contrast of comparison.contrasts) {
    const excluded = contrast.excluded.infra + contrast.excluded.unmeasured + contrast.excluded.unpaired;
    table.push([
      contrast.name,
      formatPoints(contrast.estimate),
      formatInterval(contrast.low, contrast.high),
      formatProbability(contrast.pValue),
      formatProbability(contrast.qValue),
      contrast.n,
      excluded,
    ]);
  }
  const { unmatched, differences } = comparison;
  return [
    pc.bold(`${comparison.candidateRunId} − ${comparison.baselineRunId}`) +
      ' · paired by task, replicates averaged · exploratory (not pre-registered)',
    table.toString(),
    ...(differences.length > 0
      ? ['What differs:', ...differences.map((line) => `  ${line}`)]
      : ['What differs: nothing — the two runs were defined by the same configuration (same config hash).']),
    ...(unmatched.baseline.length + unmatched.candidate.length > 0
      ? [
          `Arms without a partner: ${[
            ...unmatched.baseline.map((id) => `${comparison.baselineRunId}/${id}`),
            ...unmatched.candidate.map((id) => `${comparison.candidateRunId}/${id}`),
          ].join(', ')}`,
        ]
      : []),
  ].join('\n');
}
