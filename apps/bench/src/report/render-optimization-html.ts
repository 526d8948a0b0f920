import type { GateRecord } from '@ratchet/corpus';
import { chartLibrarySource } from './chart-library';
import { eValueChartScripts, eValueDataElementId } from './e-value-chart-scripts';
import { sequentialPathOf } from './e-value-path';
import { escapeHtml } from './escape-html';
import { inlineScriptElement } from './inline-script-element';
import { jsonScriptElement } from './json-script-element';
import {
  curveCanvasId,
  frontCanvasId,
  lineageCanvasId,
  type OptimizationChartData,
  optimizationChartScripts,
  optimizationDataElementId,
} from './optimization-chart-scripts';
import type { OptimizationReport } from './optimization-report';
import { pageHead } from './page-head';
import { eValueChartData, sequentialGateSections, sequentialGates, sequentialStopText } from './sequential-gate-html';

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const score = (value: number | null) => (value === null ? '—' : value.toFixed(3));

function chartData(report: OptimizationReport): OptimizationChartData {
  const [y, x] = report.optimization.objectives.map((objective) => objective.name);
  const points =
    x === undefined || y === undefined
      ? []
      : report.lineage.flatMap((entry) => {
          const px = entry.means?.[x];
          const py = entry.means?.[y];
          return typeof px === 'number' && typeof py === 'number'
            ? [{ hash: entry.hash, x: px, y: py, onFront: entry.onFront }]
            : [];
        });
  return {
    curve: report.curve.map((point) => ({ ...point })),
    lineage: report.lineage.map((entry) => ({
      hash: entry.hash,
      parents: [...entry.parents],
      iteration: entry.iteration,
      status: entry.status,
      valScore: entry.valScore,
      onFront: entry.onFront,
    })),
    plane: { x: x ?? '', y: y ?? '', points },
  };
}

function lineageTable(report: OptimizationReport): string {
  const rows = report.lineage.map((entry) => {
    const marks = [entry.best ? 'best' : null, entry.onFront ? 'front' : null].filter((mark) => mark !== null);
    return `<tr><td>${code(entry.hash)}</td><td>${entry.iteration}</td><td>${escapeHtml(entry.origin === 'proposal' ? entry.proposer : entry.origin)}</td><td>${entry.parents.map(code).join(' + ') || '—'}</td><td>${escapeHtml(entry.changed.join(', ') || '—')}</td><td>${score(entry.valScore)}</td><td${entry.onFront ? ' class="front"' : ''}>${escapeHtml(entry.status)}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}</td></tr>`;
  });
  return `<table><thead><tr><th>candidate</th><th>iteration</th><th>origin</th><th>parents</th><th>changed</th><th>val</th><th>status</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function gateTable(gates: readonly GateRecord[]): string {
  if (gates.length === 0)
    return `<p>None yet: ${code('ratchet gate <config> --candidate HASH')} decides on the holdout.</p>`;
  const rows = gates.map((gate) => {
    const explanation =
      typeof gate.decision === 'object' &&
      gate.decision !== null &&
      !Array.isArray(gate.decision) &&
      typeof gate.decision.explanation === 'string'
        ? gate.decision.explanation
        : gate.reason;
    const path = sequentialPathOf(gate.decision);
    const stop = path === null ? '' : ` · ${escapeHtml(sequentialStopText(path))}`;
    return `<tr><td>${escapeHtml(gate.createdAt)}</td><td>${code(gate.candidate.hash)}</td><td>${code(gate.incumbent.hash)}</td><td>${escapeHtml(gate.holdoutKey)} (${gate.holdoutTasks})</td><td${gate.promoted ? ' class="front"' : ''}>${gate.promoted ? 'promoted' : `not promoted (${escapeHtml(gate.reason)})`}${stop}</td><td>${escapeHtml(explanation)}</td></tr>`;
  });
  return `<table><thead><tr><th>when</th><th>candidate</th><th>incumbent</th><th>holdout (tasks)</th><th>decision</th><th>why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * An optimization as one self-contained HTML document: how it ran and stopped, what drove it, the val
 * curve against cells spent, the lineage chart and table, the front, and the gate's decisions, with
 * each sequential gate's e-value path (`sequentialGateSections`). Chart.js and the data are inlined, so
 * the file opens offline; every piece of data is HTML-escaped.
 */
export function renderOptimizationHtml(report: OptimizationReport, generatedAt: string): string {
  const { optimization: o, search } = report;
  const title = `Ratchet optimization ${o.optimizationId}`;
  const twoObjectives = o.objectives.length >= 2;
  const frontList = report.front.map(code).join(', ') || 'none';
  // With fixed-n gates only, nothing of the sequential view is written: no section, data or script.
  const sequential = sequentialGates(report.gates).length > 0;
  return `${pageHead(title)}
<p class="meta">Benchmark ${escapeHtml(o.benchmark)} · ${escapeHtml(o.status)} · generated ${escapeHtml(generatedAt)}</p>
<table class="manifest"><tbody>
<tr><th>search</th><td>${escapeHtml(`${search.strategy ?? '?'}@${search.k ?? '?'}, ${search.proposer ?? '?'} proposer, ${search.trainTasks} train / ${search.valTasks} val tasks, seed ${o.seed}`)}</td></tr>
<tr><th>baseline</th><td>${code(o.baseline.hash)} (${escapeHtml(o.baseline.id)})</td></tr>
<tr><th>best</th><td>${o.best ? code(o.best.hash) : 'none yet'}</td></tr>
<tr><th>spent</th><td>${o.spend.cells} cells · ${o.spend.usd === null ? 'dollars not metered' : `$${o.spend.usd.toFixed(4)}`}</td></tr>
<tr><th>stopped</th><td>${escapeHtml(`${o.stopReason ?? 'still running'}${o.stopDetail ? `: ${o.stopDetail}` : ''}`)}</td></tr>
<tr><th>iterations</th><td>${escapeHtml(
    Object.entries(report.outcomes)
      .map(([outcome, count]) => `${count} ${outcome}`)
      .join(', '),
  )}</td></tr>
</tbody></table>
<p class="reading">${escapeHtml(report.drivers)}</p>
<h2>Best val score against cells spent</h2>
<p class="note">Val scores selected these candidates, so they overstate them (the winner's curse); only the gate, on the holdout, decides.</p>
<div class="chart" style="height:320px"><canvas id="${curveCanvasId}" role="img" aria-label="Best val score against cells spent"></canvas></div>
<h2>Lineage</h2>
<div class="chart" style="height:360px"><canvas id="${lineageCanvasId}" role="img" aria-label="Candidates by iteration and val score, joined to their parents"></canvas></div>
${lineageTable(report)}
<h2>Front</h2>
<p>On the Pareto front of the mean objective vector (${escapeHtml(o.objectives.map((objective) => `${objective.direction} ${objective.name}`).join(', '))}): ${frontList}.${report.hypervolume === null ? '' : ` Hypervolume beyond the baseline: ${report.hypervolume.toFixed(4)}.`}</p>
${twoObjectives ? `<div class="chart" style="height:360px"><canvas id="${frontCanvasId}" role="img" aria-label="The front of the first two objectives"></canvas></div>` : ''}
<h2>Gate decisions</h2>
${gateTable(report.gates)}
${sequential ? `${sequentialGateSections(report.gates)}\n` : ''}${jsonScriptElement(optimizationDataElementId, chartData(report))}
${inlineScriptElement(chartLibrarySource())}
${inlineScriptElement(optimizationChartScripts)}
${sequential ? `${jsonScriptElement(eValueDataElementId, eValueChartData(report.gates))}\n${inlineScriptElement(eValueChartScripts)}\n` : ''}</body>
</html>
`;
}
