import { describe, expect, it } from 'vitest';
import {
  buildOptimizationReportFixture,
  fixedGateRecord,
  sequentialGateRecord,
} from './build-optimization-report-fixture';
import { renderOptimizationHtml } from './render-optimization-html';

const generatedAt = '2026-12-01T00:00:00Z';

describe('renderOptimizationHtml, gate decisions', () => {
  it("adds a sequential gate's stop to its row, its section after the table, and its chart after Chart.js", () => {
    const page = renderOptimizationHtml(
      buildOptimizationReportFixture([fixedGateRecord(), sequentialGateRecord()]),
      generatedAt,
    );
    expect(page).toContain('<td class="front">promoted · stopped by evidence after 8 of 40 items</td>');
    expect(page).toContain('<td>not promoted (no-margin)</td>');
    const at = (text: string) => page.indexOf(text);
    expect(at('<h2>Gate decisions</h2>')).toBeLessThan(at('<h3>Sequential decision:'));
    expect(at('<h3>Sequential decision:')).toBeLessThan(at('<canvas id="ratchet-e-value-0"'));
    // The e-value data and chart code come after the inlined Chart.js, which defines `Chart`.
    expect(at('<script type="application/json" id="ratchet-e-value-data">')).toBeGreaterThan(at('Chart.js v4'));
    expect(page.match(/<script type="application\/json" id="ratchet-e-value-data">/g)).toHaveLength(1);
    expect(page.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  it('renders fixed-n gates alone with nothing of the sequential view', () => {
    const page = renderOptimizationHtml(buildOptimizationReportFixture([fixedGateRecord()]), generatedAt);
    expect(page).toContain('<td>not promoted (no-margin)</td>');
    for (const absent of ['Sequential decision', 'ratchet-e-value', 'stopped by', 'e-value']) {
      expect(page).not.toContain(absent);
    }
  });
});
