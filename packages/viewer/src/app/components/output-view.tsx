import type { Output } from '@ratchet/corpus';
import { showJson } from '../format';

/** An output kept inline, shown as text; one kept in a blob, linked (served as inert text or bytes). */
export function OutputView(props: { output: Output | null }) {
  if (props.output === null) return <p class="muted">no output</p>;
  if ('inline' in props.output) return <pre class="output">{showJson(props.output.inline)}</pre>;
  const { blob } = props.output;
  return (
    <p>
      <a href={`/api/blobs/${blob.sha256}`} target="_blank" rel="noreferrer">
        open the output ({blob.bytes.toLocaleString()} bytes, {blob.mediaType})
      </a>
    </p>
  );
}
