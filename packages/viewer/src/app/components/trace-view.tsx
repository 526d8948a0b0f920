import { useState } from 'preact/hooks';
import type { AttemptView, TraceEventView } from '../../index';
import { showJson } from '../format';
import { useJson } from '../use-json';
import { Pager, WhenLoaded } from './status';

const toolTypes = new Set(['tool-call', 'tool-result']);

function Events(props: { events: readonly TraceEventView[]; first: number; toolsOnly: boolean }) {
  const shown = props.events
    .map((event, index) => ({ event, index: props.first + index }))
    .filter(({ event }) => !props.toolsOnly || toolTypes.has(event.type));
  if (shown.length === 0) return <p class="muted">No events{props.toolsOnly ? ' of tool calls' : ''} here.</p>;
  return (
    <ol class="events" start={props.first + 1}>
      {shown.map(({ event, index }) => (
        <li value={index + 1} class={`event event-${event.type}`}>
          <span class="event-type">{event.type}</span>
          {event.atMs === undefined ? null : <span class="muted"> {event.atMs} ms</span>}
          <pre>{showJson(event.data)}</pre>
        </li>
      ))}
    </ol>
  );
}

function BlobEvents(props: { sha256: string; toolsOnly: boolean }) {
  const [offset, setOffset] = useState(0);
  const loaded = useJson<{ events: TraceEventView[]; total: number; offset: number; limit: number }>(
    `/api/blobs/${props.sha256}/events?offset=${offset}&limit=100`,
  );
  return (
    <WhenLoaded loaded={loaded}>
      {(page) => (
        <>
          <Events events={page.events} first={page.offset} toolsOnly={props.toolsOnly} />
          <Pager offset={page.offset} limit={page.limit} total={page.total} go={setOffset} />
        </>
      )}
    </WhenLoaded>
  );
}

/** An attempt's trace: its events (inline, or a blob's a page at a time), tool calls alone on request. */
export function TraceView(props: { trace: AttemptView['trace'] }) {
  const [toolsOnly, setToolsOnly] = useState(false);
  const { trace } = props;
  return (
    <div class="trace">
      <label class="muted">
        <input type="checkbox" checked={toolsOnly} onChange={(event) => setToolsOnly(event.currentTarget.checked)} />{' '}
        tool calls only ({trace.events} events
        {trace.blob ? `, ${trace.blob.bytes.toLocaleString()} bytes in a blob` : ''})
      </label>
      {trace.inline ? (
        <Events events={trace.inline} first={0} toolsOnly={toolsOnly} />
      ) : trace.blob ? (
        <BlobEvents sha256={trace.blob.sha256} toolsOnly={toolsOnly} />
      ) : (
        <pre>{trace.summary}</pre>
      )}
    </div>
  );
}
