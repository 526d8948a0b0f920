type Gc = (options?: { type: 'major'; execution: 'sync'; flavor?: 'regular' | 'last-resort' }) => void;

/**
 * A full collection now, when the bench runs with `--expose-gc` (as `npm run bench` does); nothing
 * otherwise. With gigabytes to spare V8 lets garbage pile up before collecting, and keeps the pages
 * it freed: the corpus section alone reached 0.5 GB this way. `release` also hands freed pages back
 * to the system (V8's last-resort collection), which is what between sections needs.
 */
export function collectGarbage(release = false): void {
  const gc = (globalThis as { gc?: Gc }).gc;
  gc?.({ type: 'major', execution: 'sync', flavor: release ? 'last-resort' : 'regular' });
}
