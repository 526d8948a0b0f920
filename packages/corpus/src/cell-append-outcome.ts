import { assertSameRecord } from './assert-same-record';
import { canonicalJson } from './canonical-json';
import type { CellRecord, SupersededCell } from './cell-record';
import type { JsonValue } from './common-schemas';
import { RecordConflictError } from './record-conflict-error';

/** A cell as it is kept inside the cell that replaced it: without its own `supersedes`. */
export function supersededCellOf(cell: CellRecord & { status: 'infra' }): SupersededCell {
  const { supersedes: _earlier, ...superseded } = cell;
  return superseded;
}

const same = (a: unknown, b: unknown) => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);

/**
 * The rule every store applies when a cell id is appended again. The same cell is a retried write
 * (`duplicate`); so is an earlier try the stored cell already superseded (re-importing an export).
 * A later try may `replace` the stored cell only when the stored cell is `infra` (the harness failed:
 * no outcome) and the incoming one lists it, whole, last in `supersedes`, after the cells the stored one
 * superseded. A cell with an outcome (`ok`) is never replaced: re-running a failure cannot overwrite it.
 *
 * @throws {RecordConflictError} for anything else, saying why.
 * @example
 * cellAppendOutcome(infraCell, { ...retried, try: 1, supersedes: [infraCell] }); // => 'replace'
 */
export function cellAppendOutcome(existing: CellRecord, incoming: CellRecord): 'duplicate' | 'replace' {
  if (same(existing, incoming)) return 'duplicate';
  if (incoming.status === 'infra') {
    const earlier = supersededCellOf({ ...incoming, status: 'infra' });
    if (existing.supersedes?.some((kept) => same(kept, earlier))) return 'duplicate';
  }
  if (incoming.supersedes !== undefined) {
    if (existing.status !== 'infra') {
      throw new RecordConflictError({
        recordKind: 'cell',
        id: existing.cellId,
        detail: `it has an outcome (status ok, try ${existing.try}); only an infra cell can be replaced by a later try`,
      });
    }
    const expected = [...(existing.supersedes ?? []), supersededCellOf({ ...existing, status: 'infra' })];
    if (incoming.try > existing.try && same(incoming.supersedes, expected)) return 'replace';
    throw new RecordConflictError({
      recordKind: 'cell',
      id: existing.cellId,
      detail: `a replacement must have a higher try than ${existing.try} and list the stored infra cell last in "supersedes"`,
    });
  }
  assertSameRecord('cell', existing.cellId, existing as JsonValue, incoming as JsonValue);
  return 'duplicate';
}
