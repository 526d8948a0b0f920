import type { JsonValue } from './common-schemas';
import { fieldsThatDiffer } from './fields-that-differ';
import { RecordConflictError } from './record-conflict-error';
import { mutableManifestFields, type RunManifest } from './run-manifest';

/**
 * The freeze rule every store applies when a run's manifest is written again: only its lifecycle
 * (`mutableManifestFields`: status, end, notes, stop reason, resume command) may change; what was
 * pre-registered when the run started (arms, primary contrast, seed, config, planned cells) may not
 * (docs/design.md rule 6).
 *
 * @throws {RecordConflictError} listing every frozen field that changed.
 * @example
 * assertManifestUpdate(manifest, { ...manifest, status: 'completed', stopReason: 'completed' }); // => passes
 */
export function assertManifestUpdate(before: RunManifest, after: RunManifest): void {
  const changed = fieldsThatDiffer(before as JsonValue, after as JsonValue, mutableManifestFields);
  if (changed.length === 0) return;
  throw new RecordConflictError({
    recordKind: 'manifest',
    id: before.runId,
    detail: `fields frozen when the run started changed: ${changed.join(', ')}`,
  });
}
