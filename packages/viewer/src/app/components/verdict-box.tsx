import type { Verdict } from '@ratchet/corpus';
import { showJson } from '../format';

/**
 * A judge's verdict, set apart from everything the attempt saw and labelled write-only (DESIGN rule 1):
 * it is recorded and reported, and never reached the worker, the strategy or the controller.
 */
export function VerdictBox(props: { verdict: Verdict | null; what: string }) {
  return (
    <aside class="verdict" aria-label={`verdict on ${props.what}`}>
      <h4>
        Verdict on {props.what} <span class="write-only">write-only</span>
      </h4>
      <p class="muted">Recorded and reported; never shown to the worker, the strategy or the controller.</p>
      {props.verdict === null ? (
        <p>not judged</p>
      ) : (
        <>
          <p>
            <strong>{props.verdict.resolved ? 'resolved' : 'not resolved'}</strong> by judge {props.verdict.judge.id}
            {props.verdict.judge.version ? ` ${props.verdict.judge.version}` : ''}
          </p>
          <ul>
            {Object.entries(props.verdict.scores).map(([name, score]) => (
              <li>
                {name}: {score.value === null ? 'not measured' : score.value} ({score.direction})
              </li>
            ))}
          </ul>
          {props.verdict.details === undefined ? null : (
            <details>
              <summary>details</summary>
              <pre>{showJson(props.verdict.details)}</pre>
            </details>
          )}
        </>
      )}
    </aside>
  );
}
