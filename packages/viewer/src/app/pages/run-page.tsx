import type { RunGrid, RunPage } from '../../index';
import { ForestPlot } from '../components/forest-plot';
import { SpendPlot } from '../components/spend-plot';
import { Pager, WhenLoaded } from '../components/status';
import { TaskGrid } from '../components/task-grid';
import { percent, points, pValue, showJson, spend, when } from '../format';
import { navigate, pathOf } from '../router';
import { useJson } from '../use-json';

function Manifest(props: { page: RunPage }) {
  const { manifest, summary } = props.page;
  const rows: Array<[string, string]> = [
    ['benchmark', manifest.benchmark],
    [
      'status',
      `${manifest.status}${manifest.stopReason && manifest.stopReason !== manifest.status ? ` (${manifest.stopReason})` : ''}`,
    ],
    [
      'cells',
      `${summary.cells.recorded} recorded${summary.cells.planned === null ? '' : ` of ${summary.cells.planned} planned`}`,
    ],
    [
      'primary contrast',
      `${manifest.primaryContrast.name} = ${manifest.primaryContrast.candidate} − ${manifest.primaryContrast.baseline} (named before the run)`,
    ],
    ['equal-compute control', summary.control],
    [
      'environment',
      `${manifest.environment.id}${manifest.environment.version ? ` ${manifest.environment.version}` : ''}`,
    ],
    ['worker', `${manifest.worker.id}${manifest.worker.model ? ` (${manifest.worker.model})` : ''}`],
    ['seed', manifest.seed],
    ['splits', manifest.splits.join(', ')],
    ['started', when(manifest.startedAt)],
    ['ended', when(manifest.endedAt)],
    ['config hash', manifest.configHash],
  ];
  if (manifest.stopDetail) rows.push(['stop detail', manifest.stopDetail]);
  if (manifest.resumeCommand) rows.push(['resume with', manifest.resumeCommand]);
  return (
    <>
      <table class="kv">
        <tbody>
          {rows.map(([key, value]) => (
            <tr>
              <th>{key}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>configuration</summary>
        <pre>{showJson(manifest.config)}</pre>
      </details>
    </>
  );
}

function Arms(props: { page: RunPage }) {
  return (
    <table>
      <thead>
        <tr>
          <th>arm</th>
          <th>strategy@k</th>
          <th>controller</th>
          <th>cells</th>
          <th>success [95% CI]</th>
          <th>oracle (upper bound, not the result)</th>
          <th>attempts</th>
          <th>spend</th>
          <th>equal compute</th>
        </tr>
      </thead>
      <tbody>
        {props.page.summary.arms.map((arm) => {
          const spec = props.page.manifest.arms.find((a) => a.armId === arm.armId);
          return (
            <tr>
              <td>{arm.armId}</td>
              <td>
                {arm.strategy}@{arm.k}
              </td>
              <td>{spec ? `${spec.controller.id}#${spec.controller.hash.slice(0, 8)}` : '—'}</td>
              <td>
                {arm.cells}
                {arm.infraCells > 0 ? <span class="warn"> ({arm.infraCells} infra, excluded)</span> : null}
                {arm.unjudgedCells > 0 ? <span class="muted"> ({arm.unjudgedCells} unjudged)</span> : null}
              </td>
              <td>
                {arm.successRate === null
                  ? '—'
                  : `${percent(arm.successRate.estimate)} [${percent(arm.successRate.low)}, ${percent(arm.successRate.high)}]`}
              </td>
              <td>{percent(arm.oracleRate)}</td>
              <td>{arm.attempts}</td>
              <td>{spend(arm.spend)}</td>
              <td>
                {arm.computeFlags.length === 0 ? 'matched' : <span class="warn">{arm.computeFlags.join('; ')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Contrasts(props: { page: RunPage }) {
  return (
    <table>
      <thead>
        <tr>
          <th>contrast</th>
          <th>family</th>
          <th>estimate [95% CI]</th>
          <th>p</th>
          <th>q (BH)</th>
          <th>n</th>
          <th>test</th>
          <th>excluded</th>
        </tr>
      </thead>
      <tbody>
        {props.page.summary.contrasts.map((c) => (
          <tr class={c.primary ? 'primary' : ''}>
            <td>
              {c.name} = {c.candidate} − {c.baseline}
              {c.primary ? ' (primary)' : ''}
            </td>
            <td>{c.family}</td>
            <td>
              {points(c.estimate)} [{points(c.low)}, {points(c.high)}]
            </td>
            <td>{pValue(c.pValue)}</td>
            <td>{pValue(c.qValue)}</td>
            <td>{c.n}</td>
            <td>{c.test ?? '—'}</td>
            <td>
              {c.excluded.infra} infra, {c.excluded.unmeasured} unmeasured, {c.excluded.unpaired} unpaired
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Grid(props: { runId: string; query: URLSearchParams }) {
  const offset = Number(props.query.get('tasks') ?? 0);
  const loaded = useJson<RunGrid>(`/api/runs/${encodeURIComponent(props.runId)}/grid?offset=${offset}&limit=50`);
  return (
    <WhenLoaded loaded={loaded}>
      {(grid) => (
        <>
          <TaskGrid runId={props.runId} grid={grid} />
          <Pager
            offset={grid.offset}
            limit={grid.limit}
            total={grid.totalTasks}
            go={(next) => navigate(`${pathOf('runs', props.runId)}?tasks=${next}`)}
          />
        </>
      )}
    </WhenLoaded>
  );
}

/** One run: manifest, arms, contrasts with their forest plot, success against spend, and the per-task grid. */
export function RunPageView(props: { runId: string; query: URLSearchParams }) {
  const loaded = useJson<RunPage>(`/api/runs/${encodeURIComponent(props.runId)}`);
  return (
    <section>
      <h1>Run {props.runId}</h1>
      <WhenLoaded loaded={loaded}>
        {(page) => (
          <>
            <Manifest page={page} />
            <form
              class="filters"
              onSubmit={(event) => {
                event.preventDefault();
                const other = String(new FormData(event.currentTarget).get('other') ?? '').trim();
                if (other) navigate(pathOf('compare', other, props.runId));
              }}
            >
              <label>
                compare with an earlier run (baseline) <input name="other" placeholder="run id" />
              </label>
              <button type="submit">compare</button>
            </form>
            <h2>Arms</h2>
            <Arms page={page} />
            <h2>Contrasts</h2>
            <Contrasts page={page} />
            <ForestPlot contrasts={page.summary.contrasts} />
            <h2>Success against spend</h2>
            <SpendPlot arms={page.summary.arms} />
          </>
        )}
      </WhenLoaded>
      <h2>Per-task grid</h2>
      <p class="muted">
        ✓ resolved · ✗ not resolved · ? not judged · I infra (excluded) · ! strategy failed. Click a square for its
        cell.
      </p>
      <Grid runId={props.runId} query={props.query} />
    </section>
  );
}
