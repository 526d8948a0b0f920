/** The data the optimization charts draw, embedded as JSON under `optimizationDataElementId`. */
export interface OptimizationChartData {
  curve: Array<{ iteration: number; cells: number; bestVal: number | null; bestHash: string }>;
  lineage: Array<{
    hash: string;
    parents: string[];
    iteration: number;
    status: string;
    valScore: number | null;
    onFront: boolean;
  }>;
  /** The first two objectives' means per scored candidate, for the front plane; empty with one objective. */
  plane: { x: string; y: string; points: Array<{ hash: string; x: number; y: number; onFront: boolean }> };
}

export const optimizationDataElementId = 'ratchet-optimization-data';
export const curveCanvasId = 'ratchet-val-curve';
export const lineageCanvasId = 'ratchet-lineage';
export const frontCanvasId = 'ratchet-front';

/**
 * Browser code for three charts: the best val score against cells spent (a step line), the lineage
 * (each scored candidate at its iteration and val score, joined to its parents), and the front of the
 * first two objectives. It reads only the embedded JSON and writes labels to the canvas, never to HTML.
 */
export const optimizationChartScripts = `(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var data = JSON.parse(document.getElementById('${optimizationDataElementId}').textContent);
  var colours = { best: '#1f5fbf', kept: '#0f766e', baseline: '#1b1d21', front: '#c2410c', edge: '#9aa0a8' };
  function note(canvas, text) {
    if (!canvas) return;
    var p = document.createElement('p');
    p.textContent = text;
    canvas.parentNode.replaceWith(p);
  }
  function short(hash) { return hash.slice(0, 8); }

  function curve(canvas) {
    var points = data.curve.filter(function (p) { return p.bestVal !== null; })
      .map(function (p) { return { x: p.cells, y: p.bestVal, iteration: p.iteration, hash: p.bestHash }; });
    if (points.length === 0) return note(canvas, 'No val score was recorded.');
    new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [{ label: 'best val score', data: points, showLine: true, stepped: 'before',
        borderColor: colours.best, backgroundColor: colours.best, pointRadius: 3 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'new cells spent' } },
          y: { title: { display: true, text: 'best val score (scalarized)' } }
        },
        plugins: { tooltip: { callbacks: { label: function (item) {
          return 'iteration ' + item.raw.iteration + ': ' + item.raw.y.toFixed(3) + ' (' + short(item.raw.hash) + ') at ' + item.raw.x + ' cells';
        } } } }
      }
    });
  }

  function lineage(canvas) {
    var scored = data.lineage.filter(function (c) { return c.valScore !== null; });
    if (scored.length === 0) return note(canvas, 'No candidate was scored on val.');
    var at = {};
    scored.forEach(function (c) { at[c.hash] = { x: c.iteration, y: c.valScore }; });
    var edges = [];
    scored.forEach(function (c) {
      c.parents.forEach(function (parent) {
        // A point with y null breaks the line (spanGaps false): one segment per parent → child edge.
        if (at[parent]) edges.push({ x: at[parent].x, y: at[parent].y }, { x: c.iteration, y: c.valScore }, { x: c.iteration, y: null });
      });
    });
    function xy(c) { return { x: c.iteration, y: c.valScore, hash: c.hash, status: c.status }; }
    new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [
        { label: 'parent → child', data: edges, showLine: true, spanGaps: false, pointRadius: 0,
          borderColor: colours.edge, borderWidth: 1 },
        { label: 'on the front', data: scored.filter(function (c) { return c.onFront; }).map(xy),
          backgroundColor: colours.front, pointRadius: 7, pointStyle: 'star' },
        { label: 'kept', data: scored.filter(function (c) { return !c.onFront; }).map(xy),
          backgroundColor: colours.kept, pointRadius: 5 }
      ] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'iteration that made it' } },
          y: { title: { display: true, text: 'val score (scalarized)' } }
        },
        plugins: { tooltip: { filter: function (item) { return item.datasetIndex > 0; }, callbacks: { label: function (item) {
          return short(item.raw.hash) + ' (' + item.raw.status + '): ' + item.raw.y.toFixed(3);
        } } } }
      }
    });
  }

  function front(canvas) {
    if (!canvas) return;
    var all = data.plane.points;
    if (all.length === 0) return note(canvas, 'No candidate has both objectives measured.');
    function xy(p) { return { x: p.x, y: p.y, hash: p.hash }; }
    new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [
        { label: 'on the front', data: all.filter(function (p) { return p.onFront; }).map(xy),
          backgroundColor: colours.front, pointRadius: 7, pointStyle: 'star' },
        { label: 'dominated', data: all.filter(function (p) { return !p.onFront; }).map(xy),
          backgroundColor: colours.edge, pointRadius: 5 }
      ] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { title: { display: true, text: data.plane.x } },
          y: { title: { display: true, text: data.plane.y } }
        },
        plugins: { tooltip: { callbacks: { label: function (item) {
          return short(item.raw.hash) + ': ' + item.raw.x.toPrecision(3) + ', ' + item.raw.y.toPrecision(3);
        } } } }
      }
    });
  }

  curve(document.getElementById('${curveCanvasId}'));
  lineage(document.getElementById('${lineageCanvasId}'));
  front(document.getElementById('${frontCanvasId}'));
})();`;
