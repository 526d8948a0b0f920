import type { JsonValue } from './common-schemas';
import { fieldsThatDiffer } from './fields-that-differ';
import { mutableOptimizationFields, type OptimizationRecord } from './optimization-record';
import { RecordConflictError } from './record-conflict-error';

/**
 * The freeze rule every store applies when an optimization's record is written again: only its
 * lifecycle and progress (`mutableOptimizationFields`: status, end, stop reason and detail, best,
 * spend, resume command) may change; what defines the search (benchmark, config, seed, baseline,
 * objectives, budget, start) may not, so a resumed search is the search that started.
 *
 * @throws {RecordConflictError} listing every frozen field that changed.
 * @example
 * assertOptimizationUpdate(started, { ...started, status: 'completed', stopReason: 'iterations' }); // => passes
 */
export function assertOptimizationUpdate(before: OptimizationRecord, after: OptimizationRecord): void {
  const changed = fieldsThatDiffer(before as JsonValue, after as JsonValue, mutableOptimizationFields);
  if (changed.length === 0) return;
  throw new RecordConflictError({
    recordKind: 'optimization',
    id: before.optimizationId,
    detail: `fields frozen when the optimization started changed: ${changed.join(', ')}`,
  });
}
