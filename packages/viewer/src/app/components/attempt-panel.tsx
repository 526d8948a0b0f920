import type { AttemptView } from '../../index';
import { showJson, spend, when } from '../format';
import { OutputView } from './output-view';
import { TraceView } from './trace-view';
import { VerdictBox } from './verdict-box';

function label(attempt: AttemptView): string {
  const parts = [`Attempt ${attempt.attempt + 1}`, `try ${attempt.try}`];
  if (attempt.chosen) parts.push('chosen output');
  if (!attempt.inCell) parts.push('not in the cell (abandoned or unfinished try)');
  const passed = attempt.checks.filter((check) => check.passed === true).length;
  if (attempt.checks.length > 0) parts.push(`checks ${passed}/${attempt.checks.length}`);
  if (attempt.failure) parts.push(`failed: ${attempt.failure.reason}`);
  if (attempt.infra) parts.push('infra failure');
  return parts.join(' · ');
}

/** One attempt, collapsed to a line until opened: steer and its origin, output, checks, trace, stderr, usage, verdict apart. */
export function AttemptPanel(props: { attempt: AttemptView; open: boolean }) {
  const a = props.attempt;
  return (
    <details class={`attempt${a.chosen ? ' chosen' : ''}`} open={props.open} id={`attempt-${a.recordId}`}>
      <summary>{label(a)}</summary>
      <div class="attempt-body">
        <div class="seen">
          <h4>Steer</h4>
          <p class="origin">{a.steerOrigin}</p>
          {a.steer === null ? (
            <p class="muted">no steer</p>
          ) : (
            <>
              <pre class="steer">{a.steer.text}</pre>
              {a.steer.parameters ? <pre class="muted">{showJson(a.steer.parameters)}</pre> : null}
            </>
          )}
          <h4>Output</h4>
          <OutputView output={a.output} />
          <h4>Checks</h4>
          {a.checks.length === 0 ? (
            <p class="muted">no checks</p>
          ) : (
            <table>
              <tbody>
                {a.checks.map((check) => (
                  <tr>
                    <td>{check.name}</td>
                    <td>{check.passed === null ? 'n/a' : check.passed ? 'passed' : 'failed'}</td>
                    <td>{check.score ?? '—'}</td>
                    <td>{check.details === undefined ? '' : <code>{showJson(check.details)}</code>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {a.failure ? (
            <>
              <h4>Failure</h4>
              <p>
                {a.failure.reason}: {a.failure.message}
              </p>
            </>
          ) : null}
          {a.infra ? (
            <>
              <h4>Infra failure (the harness, not the agent)</h4>
              <p>
                {a.infra.error} (after {a.infra.retries} retries)
              </p>
            </>
          ) : null}
          {a.stderr.head || a.stderr.tail ? (
            <>
              <h4>stderr</h4>
              {a.stderr.head ? <pre class="stderr">{a.stderr.head}</pre> : null}
              {a.stderr.tail && a.stderr.tail !== a.stderr.head ? (
                <>
                  <p class="muted">tail</p>
                  <pre class="stderr">{a.stderr.tail}</pre>
                </>
              ) : null}
            </>
          ) : null}
          <h4>Usage</h4>
          <p>{spend(a.usage)}</p>
          <p class="muted">
            {a.worker.id}
            {a.worker.model ? ` (${a.worker.model})` : ''} · controller {a.controller.id}#
            {a.controller.hash.slice(0, 8)} · {when(a.createdAt)} · record {a.recordId}
          </p>
          <h4>Trace</h4>
          <TraceView trace={a.trace} />
        </div>
        <VerdictBox verdict={a.verdict} what={`attempt ${a.attempt + 1}`} />
      </div>
    </details>
  );
}
