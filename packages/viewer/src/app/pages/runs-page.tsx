import type { PrimaryContrast, RunRow, RunsList } from '../../index';
import { Pager, WhenLoaded } from '../components/status';
import { percent, points, when } from '../format';
import { Link, navigate, pathOf } from '../router';
import { useJson } from '../use-json';

const filters = ['benchmark', 'status', 'since', 'until'] as const;

/** The pre-registered contrast of one run, fetched per row so the list itself stays two queries. */
function PrimaryCell(props: { run: RunRow }) {
  const loaded = useJson<PrimaryContrast>(`/api/runs/${encodeURIComponent(props.run.runId)}/primary`);
  const { name, candidate, baseline } = props.run.primaryContrast;
  const label = `${name} = ${candidate} − ${baseline}`;
  if (loaded.state !== 'ready') return <span class="muted">{label}</span>;
  const m = loaded.data.measured;
  return (
    <span title={`n = ${m.n} paired tasks, ${m.test ?? 'no test'}; p = ${m.pValue ?? '—'}`}>
      {label}: <strong>{points(m.estimate)}</strong>{' '}
      <span class="muted">
        [{points(m.low)}, {points(m.high)}] n={m.n}
      </span>
    </span>
  );
}

/** Runs, newest first: filter by benchmark, status and start date; counts; the primary contrast at a glance. */
export function RunsPageView(props: { query: URLSearchParams }) {
  const query = props.query;
  const loaded = useJson<RunsList>(`/api/runs?${query.toString()}`);
  const setQuery = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    const search = next.toString();
    navigate(`/runs${search ? `?${search}` : ''}`);
  };
  return (
    <section>
      <h1>Runs</h1>
      <form
        class="filters"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          setQuery({
            ...Object.fromEntries(filters.map((key) => [key, String(data.get(key) ?? '')])),
            offset: undefined,
          });
        }}
      >
        <label>
          benchmark <input name="benchmark" value={query.get('benchmark') ?? ''} placeholder="any" />
        </label>
        <label>
          status{' '}
          <select name="status" value={query.get('status') ?? ''}>
            <option value="">any</option>
            {['running', 'completed', 'interrupted', 'failed'].map((status) => (
              <option value={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          started from <input name="since" type="date" value={query.get('since') ?? ''} />
        </label>
        <label>
          to <input name="until" type="date" value={query.get('until') ?? ''} />
        </label>
        <button type="submit">filter</button>
      </form>
      <WhenLoaded loaded={loaded}>
        {(list) =>
          list.runs.length === 0 ? (
            <p class="muted">No runs match.</p>
          ) : (
            <>
              <table class="runs">
                <thead>
                  <tr>
                    <th>run</th>
                    <th>benchmark</th>
                    <th>status</th>
                    <th>cells recorded/planned</th>
                    <th>resolved</th>
                    <th>started</th>
                    <th>primary contrast</th>
                  </tr>
                </thead>
                <tbody>
                  {list.runs.map((run) => (
                    <tr>
                      <td>
                        <Link href={pathOf('runs', run.runId)}>{run.runId}</Link>
                      </td>
                      <td>{run.benchmark}</td>
                      <td>
                        <span class={`status status-${run.status}`}>{run.status}</span>
                      </td>
                      <td>
                        {run.cells.recorded}
                        {run.cells.planned === null ? '' : `/${run.cells.planned}`}
                        {run.cells.infra > 0 ? <span class="warn"> ({run.cells.infra} infra)</span> : null}
                      </td>
                      <td>
                        {run.cells.judged === 0
                          ? '—'
                          : `${percent(run.cells.resolved / run.cells.judged)} of ${run.cells.judged}`}
                      </td>
                      <td>{when(run.startedAt)}</td>
                      <td>
                        <PrimaryCell run={run} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager
                offset={list.offset}
                limit={list.limit}
                shown={list.runs.length}
                hasMore={list.hasMore}
                go={(offset) => setQuery({ offset: String(offset) })}
              />
              <p class="muted">
                Compare two runs: open <code>/compare/BASELINE/CANDIDATE</code>, or use the link on a run’s page.
              </p>
            </>
          )
        }
      </WhenLoaded>
    </section>
  );
}
