import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { buildReportFixture } from './build-report-fixture';
import { chartLibrarySource } from './chart-library';
import { type ChartData, chartDataElementId, chartScripts, forestCanvasId, planeCanvasId } from './chart-scripts';
import { spendVsSuccess } from './spend-vs-success';

interface ChartConfig {
  data: { labels?: string[]; datasets: Array<{ label: string; data: unknown[] }> };
  options: { scales: { x: { title: { text: string } } } };
}

/** Runs the browser code against stub `document` and `Chart`, returning the configs it built. */
function drawCharts(data: ChartData) {
  const built = new Map<string, ChartConfig>();
  const elements: Record<string, unknown> = {
    [chartDataElementId]: { textContent: JSON.stringify(data) },
    [forestCanvasId]: { id: forestCanvasId },
    [planeCanvasId]: { id: planeCanvasId },
  };
  class Chart {
    constructor(canvas: { id: string }, config: ChartConfig) {
      built.set(canvas.id, config);
    }
  }
  runInNewContext(chartScripts, { Chart, document: { getElementById: (id: string) => elements[id] } });
  return built;
}

describe('chartScripts', () => {
  const { summary } = buildReportFixture();
  const charts = drawCharts({ contrasts: summary.contrasts, plane: spendVsSuccess(summary.arms) });

  it('draws each estimable contrast as a CI bar and an estimate point, in points', () => {
    const forest = charts.get(forestCanvasId);
    expect(forest?.data.labels).toEqual([
      'steering (primary, decomposition)',
      'random − <img onerror=alert(1)> (exploratory)',
    ]);
    expect(forest?.data.datasets[0]?.data).toEqual([
      [5, 45],
      [-10, 50],
    ]);
    expect(forest?.data.datasets[1]?.data).toEqual([
      { x: 25, y: 'steering (primary, decomposition)' },
      { x: 25, y: 'random − <img onerror=alert(1)> (exploratory)' },
    ]);
  });

  it('draws the Pareto front apart from dominated arms, sorted by spend', () => {
    const plane = charts.get(planeCanvasId);
    expect(plane?.options.scales.x.title.text).toBe('attempts per cell');
    expect(plane?.data.datasets.map((d) => [d.label, d.data.map((p) => (p as { armId: string }).armId)])).toEqual([
      ['on the Pareto front', ['<img onerror=alert(1)>', 'refine']],
      ['dominated', ['random']],
    ]);
  });

  it('inlines a Chart.js build that defines Chart without a module loader', () => {
    const context: { Chart?: { version: string } } = {};
    runInNewContext(chartLibrarySource(), context);
    expect(context.Chart?.version).toMatch(/^4\./);
  });
});
