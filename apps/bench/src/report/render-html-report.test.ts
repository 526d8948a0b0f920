import { describe, expect, it } from 'vitest';
import { buildReportFixture, hostileId } from './build-report-fixture';
import { chartDataElementId } from './chart-scripts';
import { renderHtmlReport } from './render-html-report';

const html = renderHtmlReport(buildReportFixture());
const escapedHostile = '&lt;img onerror=alert(1)&gt;';

/** The `<tr>` of the table with class `table` whose first cell holds `key`. */
function row(table: string, key: string): string {
  const body = html.split(`<table class="${table}">`)[1]?.split('</table>')[0] ?? '';
  const found = body
    .split('<tr>')
    .find(
      (tr) =>
        tr.startsWith(`<td><code>${key}</code>`) ||
        tr.startsWith(`<td>${key}<`) ||
        tr.startsWith(`<th scope="row"><code>${key}</code>`),
    );
  if (!found) throw new Error(`no row ${key} in ${table}`);
  return found;
}

describe('renderHtmlReport', () => {
  it('shows the manifest: run id, seed, status with stop reason, and the pre-registered contrast', () => {
    expect(html).toContain('<th scope="row">Run id</th><td><code>run-7</code></td>');
    expect(html).toContain('<th scope="row">Seed</th><td><code>seed-1234</code></td>');
    // The fixture holds 7 of 18 planned cells: the report does not call that simply completed.
    expect(html).toContain('completed where it ran, but only 7/18 cells recorded are in this corpus');
    expect(html).toContain('steering: <code>refine</code> − <code>random</code>');
    expect(html).toContain('<code>refine</code>: refine, k = 4, controller <code>default</code> @ <code>c0ffee</code>');
  });

  it('lists every arm with its success interval and the oracle rate labelled as an upper bound', () => {
    for (const id of ['random', 'refine', escapedHostile]) expect(row('arms', id)).toContain(`<code>${id}</code>`);
    expect(row('arms', 'refine')).toContain('75.0% <span class="ci">[45.0%, 92.0%]</span>');
    expect(row('arms', 'refine')).toContain('<td>90.0% <span class="note">(upper bound)</span></td>');
  });

  it('writes unknown for unmeasured spend, never 0', () => {
    const refine = row('arms', 'refine');
    expect(refine).toContain('<td>not measured</td>');
    expect(refine).not.toContain('unknown in');
    expect(refine).toContain('<td>unknown</td>');
    expect(refine).not.toContain('$0.0000');
    expect(row('arms', 'random')).toContain('<td>$0.0120 (measured)</td>');
  });

  it('marks the Pareto front on attempts when some cost is unknown', () => {
    expect(row('arms', 'refine')).toContain('on the Pareto front');
    expect(row('arms', escapedHostile)).toContain('on the Pareto front');
    expect(row('arms', 'random')).toContain('<td>dominated</td>');
    expect(html).toContain('Spend is attempts per cell, because at least one arm’s cost in usd is unknown.');
  });

  it('lists the contrasts by family, the primary marked, with estimate, CI, p, q and the test', () => {
    expect(row('contrasts', 'steering')).toContain(
      '<td><span class="family-decomposition">decomposition</span> <strong>(primary)</strong></td><td><code>refine</code> − <code>random</code></td><td>+25.0</td><td>[+5.0, +45.0]</td><td>0.012</td><td>0.012</td><td>McNemar exact</td><td>3</td>',
    );
    expect(row('contrasts', `random − ${escapedHostile}`)).toContain(
      '<span class="family-exploratory">exploratory</span>',
    );
    expect(row('contrasts', `random − ${escapedHostile}`)).toContain(
      '<td>[-10.0, +50.0]</td><td>0.040</td><td>0.080</td>',
    );
    expect(row('contrasts', 'tiny')).toContain('not estimable (too few paired tasks)');
  });

  it('reads the primary contrast in one sentence', () => {
    expect(html).toContain(
      '<p class="reading">steering: refine beats random, +25.0 points (95% CI +5.0 – +45.0, McNemar&#39;s exact test, p 0.012, 3 tasks).</p>',
    );
  });

  it('aggregates replicates into outcome shares per task and arm', () => {
    expect(row('grid', 'task-1')).toContain('resolved 1/2 · failed 1/2');
    expect(row('grid', 'task-1')).toContain('<span class="share">resolved 2/2</span>');
    expect(row('grid', 'task-2')).toContain('infra 1/2 · unjudged 1/2');
    expect(row('grid', 'task-2')).toContain('<td class="empty">no cell</td>');
    expect(row('grid', escapedHostile)).toContain('failed 1/1');
  });

  it('inlines Chart.js and loads nothing from the network', () => {
    expect(html).toContain('Chart.js v4');
    expect(html.length).toBeGreaterThan(200_000);
    const scriptTags = html.match(/<script[^>]*>/gi) ?? [];
    expect(scriptTags).toHaveLength(3);
    for (const tag of scriptTags) expect(tag).not.toMatch(/src\s*=|http/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
  });

  it('escapes a hostile id in the markup and in the embedded JSON', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain(escapedHostile);
    const json = html.split(`id="${chartDataElementId}">`)[1]?.split('</script>')[0] ?? '';
    expect(json).toContain('\\u003cimg onerror=alert(1)>');
    const data = JSON.parse(json);
    expect(data.plane.points.map((point: { armId: string }) => point.armId)).toEqual(['random', 'refine', hostileId]);
  });
});
