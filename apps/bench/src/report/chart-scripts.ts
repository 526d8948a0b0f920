import type { ContrastSummary } from '@ratchet/runtime';
import { labelPlacementSource } from './label-placement';
import type { SpendVsSuccess } from './spend-vs-success';

/** The data the charts draw, embedded as JSON under `chartDataElementId`. */
export interface ChartData {
  contrasts: Array<
    Pick<ContrastSummary, 'name' | 'family' | 'primary' | 'estimate' | 'low' | 'high' | 'pValue' | 'qValue'>
  >;
  plane: SpendVsSuccess;
}

export const chartDataElementId = 'ratchet-report-data';
export const forestCanvasId = 'ratchet-forest';
export const planeCanvasId = 'ratchet-plane';

/**
 * Browser code that draws the forest plot (a floating bar per CI, a point per estimate, a dashed zero
 * line) and the spend–success scatter (the Pareto front joined by a line). It reads only the embedded
 * JSON, and labels go to the canvas, never into HTML, so data cannot inject markup.
 */
export const chartScripts = `(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var data = JSON.parse(document.getElementById('${chartDataElementId}').textContent);
  var colours = { primary: '#1f5fbf', decomposition: '#0f766e', exploratory: '#7a7f88', front: '#c2410c', dominated: '#7a7f88' };
  function points(value) { return (value >= 0 ? '+' : '') + value.toFixed(1); }
  function probability(value) { return value === null ? '—' : value < 0.001 ? '< 0.001' : value.toFixed(3); }
  function note(canvas, text) {
    var p = document.createElement('p');
    p.textContent = text;
    canvas.parentNode.replaceWith(p);
  }

  var zeroLine = {
    id: 'ratchetZeroLine',
    afterDatasetsDraw: function (chart) {
      var x = chart.scales.x;
      if (!x || x.min > 0 || x.max < 0) return;
      var px = x.getPixelForValue(0);
      var ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#222';
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(px, chart.chartArea.top);
      ctx.lineTo(px, chart.chartArea.bottom);
      ctx.stroke();
      ctx.restore();
    }
  };

  ${labelPlacementSource}

  var armLabels = {
    id: 'ratchetArmLabels',
    afterDatasetsDraw: function (chart) {
      var ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#222';
      ctx.font = '12px sans-serif';
      ctx.textBaseline = 'top';
      var labels = [];
      chart.data.datasets.forEach(function (dataset, i) {
        chart.getDatasetMeta(i).data.forEach(function (element, j) {
          var text = dataset.data[j].armId;
          labels.push({ text: text, x: element.x, y: element.y, width: ctx.measureText(text).width });
        });
      });
      var area = chart.chartArea;
      placeLabels(labels, { left: area.left, top: 0, right: chart.width, bottom: area.bottom }, 14)
        .forEach(function (spot, i) { ctx.fillText(labels[i].text, spot.x, spot.y); });
      ctx.restore();
    }
  };

  function forest(canvas) {
    var rows = data.contrasts.filter(function (c) { return c.estimate !== null && c.low !== null && c.high !== null; });
    if (rows.length === 0) return note(canvas, 'No contrast could be estimated.');
    var labels = rows.map(function (c) { return c.name + ' (' + (c.primary ? 'primary, ' : '') + c.family + ')'; });
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          {
            type: 'bar',
            label: '95% CI',
            data: rows.map(function (c) { return [100 * c.low, 100 * c.high]; }),
            backgroundColor: rows.map(function (c) { return colours[c.primary ? 'primary' : c.family] + '40'; }),
            borderColor: rows.map(function (c) { return colours[c.primary ? 'primary' : c.family]; }),
            borderWidth: 1,
            barPercentage: 0.3,
            categoryPercentage: 1
          },
          {
            type: 'scatter',
            label: 'estimate',
            data: rows.map(function (c, i) { return { x: 100 * c.estimate, y: labels[i] }; }),
            backgroundColor: rows.map(function (c) { return colours[c.primary ? 'primary' : c.family]; }),
            pointRadius: 6,
            pointStyle: 'rectRot'
          }
        ]
      },
      options: {
        indexAxis: 'y',
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', suggestedMin: -5, suggestedMax: 5,
               title: { display: true, text: 'lift, candidate − baseline (percentage points)' } },
          y: { type: 'category' }
        },
        plugins: {
          tooltip: { callbacks: { label: function (item) {
            var c = rows[item.dataIndex];
            return item.datasetIndex === 0
              ? '95% CI ' + points(100 * c.low) + ' to ' + points(100 * c.high)
              : 'lift ' + points(100 * c.estimate) + ', p ' + probability(c.pValue) + ', q ' + probability(c.qValue);
          } } }
        }
      },
      plugins: [zeroLine]
    });
  }

  function plane(canvas) {
    var all = data.plane.points;
    if (all.length === 0) return note(canvas, 'No arm has judged cells to place.');
    function xy(p) { return { x: p.spend, y: 100 * p.success, armId: p.armId }; }
    var front = all.filter(function (p) { return p.onFront; })
      .sort(function (a, b) { return a.spend - b.spend || a.success - b.success; }).map(xy);
    var dominated = all.filter(function (p) { return !p.onFront; }).map(xy);
    var spendLabel = data.plane.metric === 'usd' ? 'cost per cell (usd)' : 'attempts per cell';
    new Chart(canvas, {
      type: 'scatter',
      data: {
        datasets: [
          { label: 'on the Pareto front', data: front, showLine: true, borderColor: colours.front,
            backgroundColor: colours.front, pointRadius: 7, pointStyle: 'star', borderWidth: 2 },
          { label: 'dominated', data: dominated, backgroundColor: colours.dominated, pointRadius: 5 }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        layout: { padding: { right: 24, top: 16 } },
        scales: {
          x: { beginAtZero: true, title: { display: true, text: spendLabel } },
          y: { suggestedMin: 0, suggestedMax: 100, title: { display: true, text: 'success rate (%)' } }
        },
        plugins: {
          tooltip: { callbacks: { label: function (item) {
            return item.raw.armId + ': ' + item.raw.y.toFixed(1) + '% at ' + item.raw.x.toPrecision(3) + ' ' + spendLabel;
          } } }
        }
      },
      plugins: [armLabels]
    });
  }

  forest(document.getElementById('${forestCanvasId}'));
  plane(document.getElementById('${planeCanvasId}'));
})();`;
