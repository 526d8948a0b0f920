import type { GateRecord } from '@ratchet/corpus';
import { type EValueChartData, type EValueChartPath, eValueCanvasId } from './e-value-chart-scripts';
import { formatEValue, type SequentialPath, sequentialPathOf, stoppedByText } from './e-value-path';
import { escapeHtml } from './escape-html';
import { formatPoints } from './format-figures';

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** The sequential gates among `gates`, each with its path: the fixed-n ones have none and are left out. */
export function sequentialGates(
  gates: readonly GateRecord[],
): Array<{ gate: GateRecord; path: SequentialPath; canvasId: string }> {
  return gates
    .flatMap((gate) => {
      const path = sequentialPathOf(gate.decision);
      return path === null ? [] : [{ gate, path }];
    })
    .map((entry, index) => ({ ...entry, canvasId: eValueCanvasId(index) }));
}

/** `stopped by evidence after 12 of 40 items`: the stop in the gate table's decision cell. */
export function sequentialStopText(path: SequentialPath): string {
  return `${stoppedByText(path.stoppedBy)} after ${path.itemsSpent} of ${path.maxItems} items`;
}

/**
 * One section per sequential gate: how it stopped (items spent of the cap, items evaluated in batch
 * runs), the e-process, the e-value at the stop against 1/α, the cross-check, the futility
 * bound, a canvas for the e-value path on a log axis, and the path item by item as a table (readable
 * without script). Empty when no gate is sequential.
 */
export function sequentialGateSections(gates: readonly GateRecord[]): string {
  return sequentialGates(gates)
    .map(({ gate, path, canvasId }) => {
      const last = [...path.eValues].reverse().find((value) => value !== null) ?? null;
      const evaluated =
        gate.itemsEvaluated === undefined
          ? ''
          : `; ${plural(gate.itemsEvaluated, 'item')} evaluated (whole batches)${gate.runIds === undefined ? '' : `, in ${plural(gate.runIds.length, 'batch run')}: ${gate.runIds.map(code).join(', ')}`}`;
      const rows = [
        [
          'items',
          `${path.itemsSpent} spent of at most ${path.maxItems} (the holdout holds ${gate.holdoutTasks})${evaluated}`,
        ],
        ['e-process', escapeHtml(eProcessText(path.eProcess))],
        [
          path.stoppedBy === null ? 'last e-value' : 'e-value at the stop',
          `${last === null ? 'no pair yet' : formatEValue(last)}${path.barrier === null ? '' : ` (promotes at 1/α = ${formatEValue(path.barrier)})`}`,
        ],
        ['cross-check', escapeHtml(crossCheckText(path))],
        ['futility', escapeHtml(futilityText(path))],
      ];
      const items = path.eValues
        .map((value, index) => `<tr><td>${index + 1}</td><td>${value === null ? '—' : formatEValue(value)}</td></tr>`)
        .join('');
      return `<h3>Sequential decision: ${code(gate.candidate.hash)} vs ${code(gate.incumbent.hash)} on "${escapeHtml(gate.holdoutKey)}"</h3>
<p class="reading">${escapeHtml(sequentialStopText(path))}: ${gate.promoted ? 'promoted' : `not promoted (${escapeHtml(gate.reason)})`}.</p>
<table class="manifest"><tbody>
${rows.map(([name, value]) => `<tr><th>${name}</th><td>${value}</td></tr>`).join('\n')}
</tbody></table>
<div class="chart" style="height:280px"><canvas id="${canvasId}" role="img" aria-label="E-value after each paired item on a log scale, with the 1/α barrier"></canvas></div>
<details><summary>The e-value after each of the ${plural(path.eValues.length, 'paired item')}</summary>
<table class="e-values"><thead><tr><th>paired item</th><th>e-value</th></tr></thead><tbody>${items}</tbody></table>
</details>`;
    })
    .join('\n');
}

/** What the e-value charts draw: each sequential gate's path, in the order of the sections. */
export function eValueChartData(gates: readonly GateRecord[]): EValueChartData {
  return {
    paths: sequentialGates(gates).map(
      ({ path, canvasId }): EValueChartPath => ({
        canvasId,
        eValues: path.eValues.map((value) => (value !== null && value > 0 && Number.isFinite(value) ? value : null)),
        barrier: path.barrier,
        maxItems: path.maxItems,
        stoppedBy: path.stoppedBy,
      }),
    ),
  };
}

function eProcessText(eProcess: string | null): string {
  if (eProcess === 'discordant-mixture')
    return 'discordant pairs: the beta-binomial mixture e-value over the items where exactly one controller passed';
  // Gates decided before the mixture was adopted (issue 20's ablation) bet with the plug-in bettor.
  if (eProcess === 'discordant-pairs')
    return 'discordant pairs: bets on the items where exactly one controller passed, from the past only';
  if (eProcess === 'hedged-capital')
    return 'hedged capital: bets on the mean paired difference (graded outcomes, or a threshold other than 0)';
  return eProcess ?? 'not recorded';
}

function crossCheckText(path: SequentialPath): string {
  if (path.plugInEValue !== null)
    return `plug-in betting e-process ${formatEValue(path.plugInEValue)} on the same pairs`;
  return path.eProcess === 'hedged-capital'
    ? 'none: the cross-check is computed for pass/fail outcomes at threshold 0 only'
    : 'not recorded';
}

function futilityText(path: SequentialPath): string {
  if (path.minEffect === null) return 'not recorded';
  const bound =
    path.threshold === null
      ? `the threshold + ${formatPoints(path.minEffect)} points`
      : `threshold + minEffect = ${formatPoints(path.threshold + path.minEffect)} points`;
  const high = path.liftHigh === null ? '' : `; it was ${formatPoints(path.liftHigh)} points at the last item`;
  return `stops once the upper confidence bound on the lift is below ${bound}${high}`;
}
