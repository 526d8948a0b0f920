import type { StoppedBy } from '@ratchet/stats';

/** One sequential gate's path as its chart draws it, embedded as JSON under `eValueDataElementId`. */
export interface EValueChartPath {
  readonly canvasId: string;
  /** The e-value after each paired item; null where it is not a positive finite number (a log axis cannot draw it). */
  readonly eValues: readonly (number | null)[];
  readonly barrier: number | null;
  readonly maxItems: number;
  readonly stoppedBy: StoppedBy | null;
}

export interface EValueChartData {
  readonly paths: readonly EValueChartPath[];
}

export const eValueDataElementId = 'ratchet-e-value-data';
/** The canvas of the i-th sequential gate on the page. */
export const eValueCanvasId = (index: number) => `ratchet-e-value-${index}`;

/**
 * Browser code for each sequential gate's e-value path: the e-value after each paired item on a log
 * axis that runs to the cap, and the 1/α barrier as a dashed line across it, so where the path crossed
 * (or how far short it fell) reads at a glance. It reads only the embedded JSON and writes labels to the
 * canvas, never to HTML.
 */
export const eValueChartScripts = `(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var data = JSON.parse(document.getElementById('${eValueDataElementId}').textContent);
  var colours = { path: '#1f5fbf', barrier: '#c2410c' };
  function figure(value) { return value >= 1e5 ? value.toExponential(1) : value.toPrecision(3); }

  function path(gate) {
    var canvas = document.getElementById(gate.canvasId);
    if (!canvas) return;
    var points = gate.eValues.map(function (value, i) { return { x: i + 1, y: value }; });
    var datasets = [{ label: 'e-value after each paired item', data: points, showLine: true, spanGaps: false,
      borderColor: colours.path, backgroundColor: colours.path, pointRadius: 2 }];
    if (gate.barrier !== null) {
      datasets.push({ label: '1/α = ' + figure(gate.barrier) + ': promotes', data: [{ x: 1, y: gate.barrier }, { x: gate.maxItems, y: gate.barrier }],
        showLine: true, pointRadius: 0, borderColor: colours.barrier, borderDash: [6, 4], borderWidth: 1.5 });
    }
    new Chart(canvas, {
      type: 'scatter',
      data: { datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { min: 1, max: Math.max(gate.maxItems, points.length, 2), title: { display: true, text: 'paired items in the committed order, up to the cap of ' + gate.maxItems } },
          y: { type: 'logarithmic', title: { display: true, text: 'e-value (log scale)' } }
        },
        plugins: { tooltip: { filter: function (item) { return item.datasetIndex === 0; }, callbacks: { label: function (item) {
          return 'item ' + item.raw.x + ': e-value ' + figure(item.raw.y);
        } } } }
      }
    });
  }

  data.paths.forEach(path);
})();`;
