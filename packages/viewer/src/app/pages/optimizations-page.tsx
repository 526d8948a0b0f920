import type { OptimizationsList } from '../../index';
import { WhenLoaded } from '../components/status';
import { showJson, when } from '../format';
import { Link, pathOf } from '../router';
import { useJson } from '../use-json';

/** Every optimization the corpus holds, and the flywheel decisions if any were recorded. */
export function OptimizationsPageView() {
  const loaded = useJson<OptimizationsList>('/api/optimizations');
  return (
    <section>
      <h1>Optimizations</h1>
      <WhenLoaded loaded={loaded}>
        {(list) => (
          <>
            {list.optimizations.length === 0 ? (
              <p class="muted">No optimization has been recorded (`ratchet optimize` writes them).</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th>optimization</th>
                    <th>benchmark</th>
                    <th>status</th>
                    <th>best</th>
                    <th>cells spent</th>
                    <th>started</th>
                  </tr>
                </thead>
                <tbody>
                  {list.optimizations.map((o) => (
                    <tr>
                      <td>
                        <Link href={pathOf('optimizations', o.optimizationId)}>{o.optimizationId}</Link>
                      </td>
                      <td>{o.benchmark}</td>
                      <td>{o.status}</td>
                      <td>{o.best ? `${o.best.id}#${o.best.hash.slice(0, 12)}` : '—'}</td>
                      <td>
                        {o.spend.cells}
                        {o.budget.cells === null ? '' : ` of ${o.budget.cells}`}
                      </td>
                      <td>{when(o.startedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h2>Flywheels</h2>
            {list.flywheels.length === 0 ? (
              <p class="muted">No flywheel decisions recorded.</p>
            ) : (
              list.flywheels.map((flywheel) => (
                <>
                  <h3>
                    {flywheel.flywheelId} ({flywheel.benchmark})
                  </h3>
                  <table>
                    <tbody>
                      {flywheel.records.map((record) => (
                        <tr>
                          <th>{record.generation === null ? 'verdict' : `generation ${record.generation}`}</th>
                          <td>
                            <pre>{showJson(record.decision)}</pre>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              ))
            )}
          </>
        )}
      </WhenLoaded>
    </section>
  );
}
