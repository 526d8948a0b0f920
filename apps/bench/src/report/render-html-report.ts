import type { CellRecord, RunManifest } from '@ratchet/corpus';
import type { RunSummary } from '@ratchet/runtime';
import { contrastReading } from '../contrast-reading';
import { chartLibrarySource } from './chart-library';
import { type ChartData, chartDataElementId, chartScripts, forestCanvasId, planeCanvasId } from './chart-scripts';
import { equalComputeLines } from './equal-compute-lines';
import { escapeHtml } from './escape-html';
import { failureReasonLines, sameFailureWarning } from './failure-reasons';
import { failureWarnings } from './failure-warnings';
import { inlineScriptElement } from './inline-script-element';
import { jsonScriptElement } from './json-script-element';
import { pageHead } from './page-head';
import { renderArmsTable } from './render-arms-table';
import { renderContrastsTable } from './render-contrasts-table';
import { renderManifestTable } from './render-manifest-table';
import { renderOutcomeGrid } from './render-outcome-grid';
import { spendVsSuccess } from './spend-vs-success';

export interface HtmlReportInput {
  manifest: RunManifest;
  summary: RunSummary;
  cells: readonly CellRecord[];
  /** ISO timestamp written into the report; passed in so output is reproducible. */
  generatedAt: string;
}

function planeCaption(plane: ReturnType<typeof spendVsSuccess>): string {
  const axis =
    plane.metric === 'usd'
      ? 'Spend is cost in usd per cell (every arm’s cost is known).'
      : 'Spend is attempts per cell, because at least one arm’s cost in usd is unknown.';
  const front = plane.points.filter((point) => point.onFront).map((point) => `<code>${escapeHtml(point.armId)}</code>`);
  const unplaced =
    plane.unplaced.length > 0
      ? ` Not placed (no judged cells): ${plane.unplaced.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}.`
      : '';
  return (
    `<p>${axis} An arm is on the Pareto front when no other arm has success at least as high and spend at ` +
    `most as low, one of them strictly. On the Pareto front: ${front.join(', ') || 'none'}.${unplaced}</p>`
  );
}

function warningList(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<div class="warning"><strong>Warning:</strong><pre>${escapeHtml(lines.join('\n'))}</pre></div>`;
}

function reasonList(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  return `<h3>Why cells failed</h3>
<p class="note">The judge's reasons for unresolved cells, and how the agent's attempts failed (a non-zero exit, its time limit, …).</p>
<ul class="plain">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
}

/**
 * The run as one self-contained HTML document: manifest, arms, a forest plot of the contrasts, spend
 * against success with the Pareto front, and the per-task outcome grid. Chart.js and the data are
 * inlined, so the file opens offline; every piece of run data is HTML-escaped.
 */
export function renderHtmlReport({ manifest, summary, cells, generatedAt }: HtmlReportInput): string {
  const plane = spendVsSuccess(summary.arms);
  const chartData: ChartData = {
    contrasts: summary.contrasts.map(({ name, family, primary, estimate, low, high, pValue, qValue }) => ({
      name,
      family,
      primary,
      estimate,
      low,
      high,
      pValue,
      qValue,
    })),
    plane,
  };
  const forestHeight = 80 + 48 * Math.max(summary.contrasts.length, 1);
  const title = `Ratchet run ${manifest.runId}`;
  return `${pageHead(title)}
<p class="meta">Benchmark ${escapeHtml(manifest.benchmark)} · generated ${escapeHtml(generatedAt)}</p>
<h2>Manifest</h2>
${renderManifestTable(manifest, summary)}
<h2>Arms</h2>
${summary.retryOf === null ? '' : `<p class="warning">A retry of the ${summary.retryOf.selected} failed cell(s) of run <code>${escapeHtml(summary.retryOf.runId)}</code> (that run is unchanged). Every rate here is conditional on failure there: not an estimate of any arm’s success rate, and no contrast is measured.</p>`}
<p class="note">Success rate: resolved share of judged, non-infra cells with a Wilson 95% interval. The oracle rate (best verdict over all attempts) is an upper bound, never the result. Spend includes attempts of tries that gave no result (killed before their cell was recorded, or infra cells re-run).</p>
${renderArmsTable(summary.arms, plane, summary.workUnit)}
${warningList([...[sameFailureWarning(summary.arms)].filter((line) => line !== null), ...failureWarnings(summary.arms)])}
${reasonList(failureReasonLines(summary.arms))}
<h3>Equal compute (per cell, against <code>${escapeHtml(summary.control)}</code>)</h3>
<ul class="plain">${equalComputeLines(summary)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join('')}</ul>
<h2>Contrasts</h2>
<p class="note">Lift in percentage points, paired by task: McNemar's exact test with an interval for the paired lift for pass/fail outcomes on fewer than 20 tasks, else a seeded bootstrap 95% CI. q values are Benjamini–Hochberg adjusted within each family: the decomposition (compute = random − blind, continuation = continue − random, steering = refine − continue), the primary contrast when it is not part of it, and the exploratory rest. The primary contrast was named before any cell ran.</p>
${summary.contrasts
  .filter((contrast) => contrast.primary)
  .map((contrast) => `<p class="reading">${escapeHtml(contrastReading(contrast))}</p>`)
  .join('\n')}
<div class="chart" style="height:${forestHeight}px"><canvas id="${forestCanvasId}" role="img" aria-label="Forest plot of the contrasts"></canvas></div>
${renderContrastsTable(summary.contrasts)}
<h2>Spend vs success</h2>
${planeCaption(plane)}
<div class="chart" style="height:360px"><canvas id="${planeCanvasId}" role="img" aria-label="Spend against success rate per arm"></canvas></div>
<h2>Per-task outcomes</h2>
<p class="note">Each cell: the share of replicates resolved, failed, infra (harness failure, excluded from rates) and unjudged.</p>
${renderOutcomeGrid(
  manifest.arms.map((arm) => arm.armId),
  cells,
)}
${jsonScriptElement(chartDataElementId, chartData)}
${inlineScriptElement(chartLibrarySource())}
${inlineScriptElement(chartScripts)}
</body>
</html>
`;
}
