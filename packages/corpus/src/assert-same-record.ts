import { canonicalJson } from './canonical-json';
import type { JsonValue } from './common-schemas';
import { fieldsThatDiffer } from './fields-that-differ';
import { RecordConflictError, type StoredRecordKind } from './record-conflict-error';

/**
 * The idempotency rule every store applies when a record id is appended again: the same record (equal
 * as canonical JSON, so key order never matters) is a retried write; anything else is a conflict.
 *
 * @param existing the stored record under `id`; `incoming` the one being appended.
 * @throws {RecordConflictError} naming the record and the top-level fields that differ.
 * @example
 * assertSameRecord('attempt', 'r-1', { a: 1, b: 2 }, { b: 2, a: 1 }); // => passes: a retried write
 */
export function assertSameRecord(
  recordKind: StoredRecordKind,
  id: string,
  existing: JsonValue,
  incoming: JsonValue,
): void {
  if (canonicalJson(existing) === canonicalJson(incoming)) return;
  const differing = fieldsThatDiffer(existing, incoming);
  throw new RecordConflictError({
    recordKind,
    id,
    ...(differing.length === 0 ? {} : { detail: `fields that differ: ${differing.join(', ')}` }),
  });
}
