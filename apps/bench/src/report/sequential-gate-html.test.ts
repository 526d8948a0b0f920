import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fixedGateRecord, sequentialGateRecord } from './build-optimization-report-fixture';
import { eValueChartScripts, eValueDataElementId } from './e-value-chart-scripts';
import { eValueChartData, sequentialGateSections } from './sequential-gate-html';

interface ChartConfig {
  data: { datasets: Array<{ label: string; data: Array<{ x: number; y: number | null }>; borderDash?: number[] }> };
  options: { scales: { x: { min: number; max: number }; y: { type: string } } };
}

/** Runs the browser code against stub `document` and `Chart`, returning the configs it built by canvas id. */
function drawCharts(html: string, data: unknown) {
  const built = new Map<string, ChartConfig>();
  const canvases = [...html.matchAll(/<canvas id="([^"]+)"/g)].map((match) => match[1] as string);
  const elements: Record<string, unknown> = { [eValueDataElementId]: { textContent: JSON.stringify(data) } };
  for (const id of canvases) elements[id] = { id };
  class Chart {
    constructor(canvas: { id: string }, config: ChartConfig) {
      built.set(canvas.id, config);
    }
  }
  runInNewContext(eValueChartScripts, { Chart, document: { getElementById: (id: string) => elements[id] } });
  return built;
}

describe('sequentialGateSections', () => {
  it('says how a sequential gate stopped: items spent of the cap, batches, e-value against 1/α, the cross-check, futility', () => {
    const html = sequentialGateSections([fixedGateRecord(), sequentialGateRecord()]);
    expect(html.match(/<h3>/g)).toHaveLength(1);
    expect(html).toContain(
      '<h3>Sequential decision: <code>decade</code> vs <code>c0ffee</code> on "dsl holdout rotation 1"</h3>',
    );
    expect(html).toContain('<p class="reading">stopped by evidence after 8 of 40 items: promoted.</p>');
    expect(html).toContain(
      '<tr><th>items</th><td>8 spent of at most 40 (the holdout holds 40); 10 items evaluated (whole batches), in 2 batch runs: <code>gate-seq</code>, <code>gate-seq-batch-2</code></td></tr>',
    );
    expect(html).toContain('<tr><th>e-value at the stop</th><td>56.8 (promotes at 1/α = 40.0)</td></tr>');
    // The mixture for 8 wins and no loss: (2⁹ − 1)/9 = 56.8; the plug-in bettor staked 0, ⅓, then ½: (4/3)·1.5⁶ = 15.2.
    expect(html).toContain('<tr><th>cross-check</th><td>plug-in betting e-process 15.2 on the same pairs</td></tr>');
    expect(html).toContain('below threshold + minEffect = +10.0 points');
    // The path item by item, as the table a reader without script sees.
    expect(html).toContain('<summary>The e-value after each of the 8 paired items</summary>');
    const cells = [...html.matchAll(/<tr><td>(\d+)<\/td><td>([^<]+)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
    expect(cells.map(([, value]) => value)).toEqual(['1.50', '2.33', '3.75', '6.20', '10.5', '18.1', '31.9', '56.8']);
  });

  it('says a futility stop against its bound, in points, and a hedged-capital gate has no cross-check', () => {
    const record = sequentialGateRecord();
    const decision = record.decision as { sequential: Record<string, unknown>; lift: Record<string, unknown> };
    const futile = sequentialGateRecord({
      promoted: false,
      reason: 'futile',
      decision: {
        ...decision,
        threshold: 0.05,
        lift: { ...decision.lift, high: 0.1234 },
        sequential: {
          ...decision.sequential,
          stoppedBy: 'futility',
          eProcess: 'hedged-capital',
          plugInEValue: null,
          minEffect: 0.2,
        },
      },
    });
    const html = sequentialGateSections([futile]);
    expect(html).toContain('<p class="reading">stopped for futility after 8 of 40 items: not promoted (futile).</p>');
    expect(html).toContain(
      'stops once the upper confidence bound on the lift is below threshold + minEffect = +25.0 points; it was +12.3 points at the last item',
    );
    expect(html).toContain('none: the cross-check is computed for pass/fail outcomes at threshold 0 only');
  });

  it('is empty for fixed-n gates, and escapes what a record holds', () => {
    expect(sequentialGateSections([fixedGateRecord()])).toBe('');
    const html = sequentialGateSections([sequentialGateRecord({ holdoutKey: '<img onerror=alert(1)>' })]);
    expect(html).toContain('on "&lt;img onerror=alert(1)&gt;"</h3>');
    expect(html).not.toContain('<img');
  });
});

describe('eValueChartScripts', () => {
  it('draws each path on a log axis that runs to the cap, with the 1/α barrier dashed across it', () => {
    const gates = [fixedGateRecord(), sequentialGateRecord()];
    const charts = drawCharts(sequentialGateSections(gates), eValueChartData(gates));
    expect([...charts.keys()]).toEqual(['ratchet-e-value-0']);
    const chart = charts.get('ratchet-e-value-0') as ChartConfig;
    expect(chart.options.scales.y.type).toBe('logarithmic');
    expect(chart.options.scales.x).toMatchObject({ min: 1, max: 40 });
    const [path, barrier] = chart.data.datasets;
    expect(path?.data).toHaveLength(8);
    expect(path?.data[0]).toEqual({ x: 1, y: 1.5 });
    expect(path?.data[7]?.x).toBe(8);
    expect(path?.data[7]?.y).toBeCloseTo(511 / 9, 10);
    expect(barrier?.label).toBe('1/α = 40.0: promotes');
    expect(barrier?.borderDash).toEqual([6, 4]);
    expect(barrier?.data.map((point) => [point.x, Math.round(point.y as number)])).toEqual([
      [1, 40],
      [40, 40],
    ]);
  });

  it('leaves a gap where an e-value cannot be drawn on a log axis', () => {
    const record = sequentialGateRecord();
    const decision = record.decision as { sequential: Record<string, unknown> };
    const gaps = sequentialGateRecord({
      decision: { ...decision, sequential: { ...decision.sequential, eValues: [1, 0, null, 2] } },
    });
    expect(eValueChartData([gaps]).paths[0]?.eValues).toEqual([1, null, null, 2]);
  });
});
