import type { FlywheelResult } from '@ratchet/optimizer';
import { chartLibrarySource } from './chart-library';
import { escapeHtml } from './escape-html';
import { inlineScriptElement } from './inline-script-element';
import { jsonScriptElement } from './json-script-element';
import { pageHead } from './page-head';

const dataId = 'ratchet-flywheel-data';
const canvasId = 'ratchet-flywheel-curves';
const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

/** Browser code: both arms' success per generation, with their 95% intervals as error bars drawn as lines. */
const curvesScript = `(function () {
  'use strict';
  if (typeof Chart === 'undefined') return;
  var data = JSON.parse(document.getElementById('${dataId}').textContent);
  function line(label, colour, key) {
    return { label: label, borderColor: colour, backgroundColor: colour, showLine: true, pointRadius: 4,
      data: data.map(function (g) { return { x: g.generation, y: g[key].estimate, low: g[key].low, high: g[key].high }; }) };
  }
  function bars(colour, key, offset) {
    var points = [];
    data.forEach(function (g) { points.push({ x: g.generation + offset, y: g[key].low }, { x: g.generation + offset, y: g[key].high }, { x: g.generation + offset, y: null }); });
    return { label: key + ' 95% CI', data: points, showLine: true, spanGaps: false, pointRadius: 0, borderColor: colour, borderWidth: 1 };
  }
  new Chart(document.getElementById('${canvasId}'), {
    type: 'scatter',
    data: { datasets: [line('learned', '#1f5fbf', 'learned'), bars('#1f5fbf', 'learned', -0.04),
      line('frozen', '#9aa0a8', 'frozen'), bars('#9aa0a8', 'frozen', 0.04)] },
    options: { animation: false, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: 'generation' }, ticks: { stepSize: 1 } },
        y: { min: 0, max: 1, title: { display: true, text: 'success on evaluation tasks' } } } }
  });
})();`;

/** The flywheel as one self-contained HTML page: both curves, the table, the slopes and the verdict. */
export function flywheelHtml(result: FlywheelResult): string {
  const rows = result.generations.map((g) => {
    const q = result.generationQ[g.generation];
    return `<tr><td>${g.generation}</td><td>${percent(g.learned.success.estimate)} [${percent(g.learned.success.low)}, ${percent(g.learned.success.high)}]</td><td>${percent(g.frozen.success.estimate)} [${percent(g.frozen.success.low)}, ${percent(g.frozen.success.high)}]</td><td>${(100 * g.difference.estimate).toFixed(1)} [${(100 * g.difference.low).toFixed(1)}, ${(100 * g.difference.high).toFixed(1)}]</td><td>${q === null || q === undefined ? '—' : q.toPrecision(2)}</td><td><code>${escapeHtml(g.learned.hash)}</code></td><td><code>${escapeHtml(g.runId)}</code></td></tr>`;
  });
  const slope = (name: string, s: FlywheelResult['slope']['learned']) =>
    `<li>${name}: ${(100 * s.estimate).toFixed(2)} points a generation, 95% CI [${(100 * s.low).toFixed(2)}, ${(100 * s.high).toFixed(2)}], q ${s.q.toPrecision(2)}</li>`;
  const data = result.generations.map((g) => ({
    generation: g.generation,
    learned: g.learned.success,
    frozen: g.frozen.success,
  }));
  return `${pageHead(`Flywheel ${result.flywheelId}`)}
<p><strong>${escapeHtml(result.sentence)}</strong></p>
<div style="position:relative;height:320px"><canvas id="${canvasId}"></canvas></div>
<h2>Slopes (task-clustered bootstrap within generations; BH with every generation's difference)</h2>
<ul>${slope('learned', result.slope.learned)}${slope('frozen', result.slope.frozen)}${slope('learned − frozen', result.slope.difference)}</ul>
<h2>Generations</h2>
<table><thead><tr><th>generation</th><th>learned</th><th>frozen</th><th>learned − frozen (points)</th><th>q (BH)</th><th>learned controller</th><th>run</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<p>The frozen arm runs <code>${escapeHtml(result.baseline)}</code> in every generation. Both arms run the same plan (k and caps) on the same evaluation tasks, which no learner read before they ran.</p>
${jsonScriptElement(dataId, data)}
${inlineScriptElement(chartLibrarySource())}
${inlineScriptElement(curvesScript)}
</body>
</html>
`;
}
