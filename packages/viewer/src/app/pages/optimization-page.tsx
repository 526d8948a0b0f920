import type { OptimizationPage } from '../../index';
import { SequentialGates } from '../components/sequential-gates';
import { WhenLoaded } from '../components/status';
import { showJson, stoppedBy, when } from '../format';
import { useJson } from '../use-json';

function ValCurve(props: { page: OptimizationPage }) {
  const points = props.page.iterations.map((i) => ({ x: i.total.cells, y: i.best.valScore }));
  if (points.length === 0) return <p class="muted">No iteration recorded yet.</p>;
  const width = 640;
  const height = 200;
  const maxX = Math.max(...points.map((p) => p.x), 1);
  const ys = points.map((p) => p.y);
  const low = Math.min(...ys);
  const high = Math.max(...ys);
  const span = high - low || 1;
  const x = (v: number) => 40 + (v / maxX) * (width - 60);
  const y = (v: number) => 10 + (1 - (v - low) / span) * (height - 40);
  return (
    <svg class="curve" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="best val score against cells spent">
      <polyline points={points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ')} class="line" />
      {points.map((p) => (
        <circle cx={x(p.x)} cy={y(p.y)} r={3} />
      ))}
      <text x={4} y={y(high) + 4}>
        {high.toFixed(3)}
      </text>
      <text x={4} y={y(low) + 4}>
        {low.toFixed(3)}
      </text>
      <text x={40} y={height - 6}>
        best val score against cells spent (up to {maxX})
      </text>
    </svg>
  );
}

/** One optimization: its lineage, the best val score as cells were spent, iterations, and gate decisions. */
export function OptimizationPageView(props: { optimizationId: string }) {
  const loaded = useJson<OptimizationPage>(`/api/optimizations/${encodeURIComponent(props.optimizationId)}`);
  return (
    <section>
      <h1>Optimization {props.optimizationId}</h1>
      <WhenLoaded loaded={loaded}>
        {(page) => (
          <>
            <p>
              {page.optimization.benchmark} · {page.optimization.status} · started {when(page.optimization.startedAt)} ·
              baseline {page.optimization.baseline.id}#{page.optimization.baseline.hash.slice(0, 12)} · objectives{' '}
              {page.optimization.objectives.map((o) => `${o.name} (${o.direction})`).join(', ')}
            </p>
            <h2>Val curve</h2>
            <ValCurve page={page} />
            <h2>Lineage</h2>
            <table>
              <thead>
                <tr>
                  <th>candidate</th>
                  <th>parents</th>
                  <th>origin</th>
                  <th>proposer</th>
                  <th>changed</th>
                  <th>iteration</th>
                </tr>
              </thead>
              <tbody>
                {page.candidates.map((c) => (
                  <tr>
                    <td title={showJson(c.parameters)}>{c.hash.slice(0, 12)}</td>
                    <td>{c.parents.map((p) => p.slice(0, 12)).join(', ') || '—'}</td>
                    <td>{c.origin}</td>
                    <td>{c.proposer}</td>
                    <td>{c.changed.join(', ') || '—'}</td>
                    <td>{c.iteration}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Iterations</h2>
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>step</th>
                  <th>component</th>
                  <th>proposal</th>
                  <th>outcome</th>
                  <th>reason</th>
                  <th>val</th>
                  <th>best so far</th>
                  <th>cells</th>
                </tr>
              </thead>
              <tbody>
                {page.iterations.map((i) => (
                  <tr>
                    <td>{i.iteration}</td>
                    <td>{i.step}</td>
                    <td>{i.component ?? '—'}</td>
                    <td>{i.proposal?.slice(0, 12) ?? '—'}</td>
                    <td>{i.outcome}</td>
                    <td>{i.reason}</td>
                    <td>{i.valScore ?? '—'}</td>
                    <td>
                      {i.best.hash.slice(0, 12)} ({i.best.valScore})
                    </td>
                    <td>{i.total.cells}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Gate decisions (holdout ledger)</h2>
            {page.gates.length === 0 ? (
              <p class="muted">No candidate of this optimization has been gated.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>candidate</th>
                    <th>incumbent</th>
                    <th>holdout</th>
                    <th>decision</th>
                    <th>details</th>
                  </tr>
                </thead>
                <tbody>
                  {page.gates.map((g) => (
                    <tr>
                      <td>{g.candidate.hash.slice(0, 12)}</td>
                      <td>{g.incumbent.hash.slice(0, 12)}</td>
                      <td>
                        {g.holdoutKey} ({g.holdoutTasks} tasks)
                      </td>
                      <td>
                        {g.promoted ? 'promoted' : 'not promoted'}: {g.reason}
                        {g.sequential === null
                          ? null
                          : ` · ${stoppedBy(g.sequential.stoppedBy)} after ${g.sequential.itemsSpent} of ${g.sequential.maxItems} items`}
                      </td>
                      <td>
                        <pre>{showJson(g.decision)}</pre>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <SequentialGates gates={page.gates} />
          </>
        )}
      </WhenLoaded>
    </section>
  );
}
