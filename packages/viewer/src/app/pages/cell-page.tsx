import type { CellPage } from '../../index';
import { AttemptPanel } from '../components/attempt-panel';
import { OutputView } from '../components/output-view';
import { Pager, WhenLoaded } from '../components/status';
import { VerdictBox } from '../components/verdict-box';
import { spend } from '../format';
import { Link, navigate, pathOf } from '../router';
import { useJson } from '../use-json';

function CellSummary(props: { page: CellPage }) {
  const { cell } = props.page;
  const chosenBy =
    cell.chosenBy === 'strategy' ? 'the strategy (it called choose)' : 'the check-based default (best checks)';
  return (
    <div class="cell-summary">
      <div>
        <table class="kv">
          <tbody>
            <tr>
              <th>arm · task · replicate</th>
              <td>
                {cell.armId} · {cell.taskId} · {cell.replicate} ({cell.split})
              </td>
            </tr>
            <tr>
              <th>status</th>
              <td>
                {cell.status}
                {cell.infra
                  ? ` — ${cell.infra.error} (after ${cell.infra.retries} retries; excluded from comparisons)`
                  : ''}
              </td>
            </tr>
            <tr>
              <th>attempts</th>
              <td>
                {cell.attempts} on try {cell.try}; {cell.analystCalls} analyst calls
              </td>
            </tr>
            <tr>
              <th>chosen by</th>
              <td>
                {chosenBy}
                {cell.finalAttemptId ? ` — ${cell.finalAttemptId}` : ' — no attempt chosen'}
              </td>
            </tr>
            <tr>
              <th>spend</th>
              <td>{spend(cell.spend)}</td>
            </tr>
            {cell.strategyFailure ? (
              <tr>
                <th>strategy failure</th>
                <td>{cell.strategyFailure.error}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
        <h3>Chosen output</h3>
        <OutputView output={cell.finalOutput} />
      </div>
      <div>
        <VerdictBox verdict={cell.verdict} what="the chosen output" />
        {cell.oracle ? (
          <p class="muted">
            Oracle (best verdict over all attempts, an upper bound, never the result):{' '}
            {cell.oracle.verdict.resolved ? 'resolved' : 'not resolved'} at {cell.oracle.attemptId}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** One cell: what it chose and who chose it, its verdict apart, then its attempts in order. */
export function CellPageView(props: { runId: string; cellId: string; query: URLSearchParams }) {
  const offset = Number(props.query.get('attempts') ?? 0);
  const loaded = useJson<CellPage>(`/api/cells/${encodeURIComponent(props.cellId)}?offset=${offset}&limit=20`);
  return (
    <section>
      <p>
        <Link href={pathOf('runs', props.runId)}>← run {props.runId}</Link>
      </p>
      <h1>Cell {props.cellId}</h1>
      <WhenLoaded loaded={loaded}>
        {(page) => (
          <>
            <CellSummary page={page} />
            <h2>Attempts, in order</h2>
            {page.attempts.map((attempt) => (
              <AttemptPanel attempt={attempt} open={false} />
            ))}
            {page.hasMore || page.offset > 0 ? (
              <Pager
                offset={page.offset}
                limit={page.limit}
                hasMore={page.hasMore}
                go={(next) => navigate(`${pathOf('runs', props.runId, 'cells', props.cellId)}?attempts=${next}`)}
              />
            ) : null}
          </>
        )}
      </WhenLoaded>
    </section>
  );
}
