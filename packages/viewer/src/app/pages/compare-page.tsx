import type { ComparePage } from '../../index';
import { ForestPlot } from '../components/forest-plot';
import { Pager, WhenLoaded } from '../components/status';
import { percent, points, pValue } from '../format';
import { Link, navigate, pathOf } from '../router';
import { useJson } from '../use-json';

/** Two runs side by side: what differs in their definitions, each matched arm's contrast, and the paired per-task tables. */
export function ComparePageView(props: { baseline: string; candidate: string; query: URLSearchParams }) {
  const offset = Number(props.query.get('tasks') ?? 0);
  const here = pathOf('compare', props.baseline, props.candidate);
  const loaded = useJson<ComparePage>(
    `/api/compare/${encodeURIComponent(props.baseline)}/${encodeURIComponent(props.candidate)}?offset=${offset}&limit=100`,
  );
  return (
    <section>
      <h1>
        Compare <Link href={pathOf('runs', props.baseline)}>{props.baseline}</Link> (baseline) with{' '}
        <Link href={pathOf('runs', props.candidate)}>{props.candidate}</Link>
      </h1>
      <WhenLoaded loaded={loaded}>
        {(page) => (
          <>
            <h2>Configuration differences</h2>
            {page.comparison.differences.length === 0 ? (
              <p class="muted">The two runs were defined alike.</p>
            ) : (
              <ul class="differences">
                {page.comparison.differences.map((line) => (
                  <li>
                    <code>{line}</code>
                  </li>
                ))}
              </ul>
            )}
            <h2>Matched arms (exploratory: not pre-registered)</h2>
            <table>
              <thead>
                <tr>
                  <th>arm</th>
                  <th>candidate − baseline [95% CI]</th>
                  <th>p</th>
                  <th>q (BH)</th>
                  <th>n</th>
                  <th>test</th>
                </tr>
              </thead>
              <tbody>
                {page.comparison.contrasts.map((c) => (
                  <tr>
                    <td>{c.name}</td>
                    <td>
                      {points(c.estimate)} [{points(c.low)}, {points(c.high)}]
                    </td>
                    <td>{pValue(c.pValue)}</td>
                    <td>{pValue(c.qValue)}</td>
                    <td>{c.n}</td>
                    <td>{c.test ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ForestPlot contrasts={page.comparison.contrasts} />
            {page.comparison.unmatched.baseline.length + page.comparison.unmatched.candidate.length > 0 ? (
              <p class="muted">
                Unmatched arms: baseline {page.comparison.unmatched.baseline.join(', ') || 'none'}; candidate{' '}
                {page.comparison.unmatched.candidate.join(', ') || 'none'}.
              </p>
            ) : null}
            {page.tables.map((table) => (
              <>
                <h2>
                  Per task: {table.candidateArm} vs {table.baselineArm}
                </h2>
                <table class="paired">
                  <thead>
                    <tr>
                      <th>task</th>
                      <th>baseline resolved</th>
                      <th>candidate resolved</th>
                      <th>difference</th>
                    </tr>
                  </thead>
                  <tbody>
                    {table.rows.map((row) => (
                      <tr class={row.candidate > row.baseline ? 'better' : row.candidate < row.baseline ? 'worse' : ''}>
                        <td>{row.taskId}</td>
                        <td>{percent(row.baseline)}</td>
                        <td>{percent(row.candidate)}</td>
                        <td>{points(row.candidate - row.baseline)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p class="muted">
                  Excluded: {table.excluded.infra.length} infra, {table.excluded.unmeasured.length} unmeasured,{' '}
                  {table.excluded.unpaired.length} run by one side only.
                </p>
              </>
            ))}
            <Pager
              offset={page.offset}
              limit={page.limit}
              total={Math.max(0, ...page.tables.map((table) => table.totalTasks))}
              go={(next) => navigate(`${here}?tasks=${next}`)}
            />
          </>
        )}
      </WhenLoaded>
    </section>
  );
}
