import type { ComponentChildren } from 'preact';
import type { Loaded } from '../use-json';

/** Renders a page once its data is loaded; says so while loading, and shows the API's error otherwise. */
export function WhenLoaded<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (props.loaded.state === 'loading') return <p class="muted">Loading…</p>;
  if (props.loaded.state === 'error') return <p class="error">{props.loaded.message}</p>;
  return <>{props.children(props.loaded.data)}</>;
}

/** Previous / next for a paged list; the page is in the address so it can be linked to. */
export function Pager(props: {
  offset: number;
  limit: number;
  /** Items on this page, when fewer than the limit may be shown. */
  shown?: number;
  total?: number;
  hasMore?: boolean;
  go: (offset: number) => void;
}) {
  const more = props.hasMore ?? (props.total !== undefined && props.offset + props.limit < props.total);
  const last = props.total === undefined ? '' : ` of ${props.total}`;
  const end = Math.min(props.offset + (props.shown ?? props.limit), props.total ?? Number.POSITIVE_INFINITY);
  return (
    <div class="pager">
      <button
        type="button"
        disabled={props.offset === 0}
        onClick={() => props.go(Math.max(0, props.offset - props.limit))}
      >
        ← previous
      </button>
      <span>
        {props.offset + 1}–{end}
        {last}
      </span>
      <button type="button" disabled={!more} onClick={() => props.go(props.offset + props.limit)}>
        next →
      </button>
    </div>
  );
}
