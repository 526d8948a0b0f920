import type { Usage } from '@ratchet/corpus';
import type { ArmSummary } from '@ratchet/runtime';
import { escapeHtml } from './escape-html';
import { formatCount, formatPercent, formatUsd, formatWallMs } from './format-figures';
import type { SpendVsSuccess } from './spend-vs-success';

function successCell(rate: ArmSummary['successRate']): string {
  if (rate === null) return 'no judged cells';
  return `${formatPercent(rate.estimate)} <span class="ci">[${formatPercent(rate.low)}, ${formatPercent(rate.high)}]</span>`;
}

function tokensCell(spend: Usage): string {
  // A worker that meters no tokens (a solver counting search steps) has nothing to show here.
  if (spend.tokensIn === null && spend.tokensOut === null) return 'not measured';
  return `${formatCount(spend.tokensIn)} in / ${formatCount(spend.tokensOut)} out`;
}

function usdCell(spend: Usage): string {
  return spend.usd === null ? formatUsd(null) : `${formatUsd(spend.usd)} (${spend.costProvenance})`;
}

function paretoCell(armId: string, plane: SpendVsSuccess): string {
  const point = plane.points.find((p) => p.armId === armId);
  if (!point) return 'not placed';
  return point.onFront ? '<span class="front">on the Pareto front</span>' : 'dominated';
}

function flagsCell(flags: readonly string[]): string {
  if (flags.length === 0) return 'none';
  return `<ul class="plain flags">${flags.map((flag) => `<li>${escapeHtml(flag)}</li>`).join('')}</ul>`;
}

/**
 * Per-arm outcomes and spend: success with its Wilson interval, the oracle rate as an upper bound,
 * metered spend ("unknown" where unmeasured), the Pareto marking, and equal-compute flags.
 */
export function renderArmsTable(arms: readonly ArmSummary[], plane: SpendVsSuccess, workUnit: string | null): string {
  const head = [
    'Arm',
    'Strategy',
    'k',
    'Cells (infra, unjudged)',
    'Resolved',
    'Success rate [95% CI]',
    'Oracle rate',
    'Attempts',
    workUnit ? `Work units (${escapeHtml(workUnit)})` : 'Work units',
    'Analyst calls',
    'Tokens',
    'Cost (usd)',
    'Wall time',
    'Pareto',
    'Equal-compute flags',
  ];
  const rows = arms.map((arm) =>
    [
      `<code>${escapeHtml(arm.armId)}</code>`,
      escapeHtml(arm.strategy),
      String(arm.k),
      `${arm.cells} (${arm.infraCells}, ${arm.unjudgedCells})`,
      String(arm.resolved),
      successCell(arm.successRate),
      arm.oracleRate === null
        ? 'not recorded'
        : `${formatPercent(arm.oracleRate)} <span class="note">(upper bound)</span>`,
      formatCount(arm.attempts),
      formatCount(arm.spend.workUnits),
      formatCount(arm.analystCalls),
      tokensCell(arm.spend),
      usdCell(arm.spend) +
        (arm.unfinished.attempts > 0
          ? ` <span class="note">(${formatUsd(arm.unfinished.spend?.usd ?? null)} of it from ${arm.unfinished.attempts} attempt(s) of unfinished tries)</span>`
          : ''),
      formatWallMs(arm.spend.wallMs),
      paretoCell(arm.armId, plane),
      flagsCell(arm.computeFlags),
    ]
      .map((cell) => `<td>${cell}</td>`)
      .join(''),
  );
  return [
    '<table class="arms">',
    `<thead><tr>${head.map((label) => `<th scope="col">${label}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.map((row) => `<tr>${row}</tr>`).join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}
