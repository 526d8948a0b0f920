import { type Corpus, canonicalJson, type JsonValue, type LibraryRecord, recordSchemaVersion } from '@ratchet/corpus';
import type { Controller } from '@ratchet/runtime';
import { OptimizerError } from '../optimizer-error';
import type { LearnedController } from './learn-from-corpus';

/**
 * Saves a learned library in the corpus as a `library` record: the controller's parameters and hash, the
 * miner's settings and summary, and its provenance, the ids of the cells it was learned from in a blob.
 * The id comes from the content, so learning the same library again finds the record already there and
 * returns it (with its first `createdAt`) instead of writing a conflicting one.
 */
export async function recordLibrary(corpus: Corpus, learned: LearnedController): Promise<LibraryRecord> {
  const existing = (await corpus.libraries({ hash: learned.controller.hash })).find(
    (record) => record.recordId === learned.libraryId,
  );
  if (existing !== undefined) return existing;
  const { source } = learned;
  const cellIds = await corpus.putBlob(canonicalJson(source.cellIds as unknown as JsonValue), 'application/json');
  const record: LibraryRecord = {
    kind: 'library',
    schemaVersion: recordSchemaVersion,
    recordId: learned.libraryId,
    learner: learned.learner,
    controllerId: learned.controller.id,
    hash: learned.controller.hash,
    parameters: learned.controller.parameters as Record<string, JsonValue>,
    settings: learned.settings,
    source: {
      benchmarks: source.benchmarks,
      runIds: source.runIds,
      until: source.until,
      cells: source.cellIds.length,
      attempts: source.attempts,
      tasks: source.tasks,
      cellIds,
    },
    summary: learned.summary,
    createdAt: learned.createdAt,
  };
  await corpus.appendOptimizerRecords([record]);
  return record;
}

/**
 * The controller a stored library makes: `base` (the same policy, by id) with the library's parameters.
 *
 * @throws {OptimizerError} when the library parameterises another controller, or rebuilding it gives
 *   another hash than the one recorded (the controller's code or schema changed since).
 */
export function controllerFromLibrary(library: LibraryRecord, base: Controller): Controller {
  if (library.controllerId !== base.id) {
    throw new OptimizerError(
      `library ${library.recordId} parameterises controller "${library.controllerId}", not "${base.id}"; load it with that family's controller`,
    );
  }
  const controller = base.withParameters(library.parameters);
  if (controller.hash !== library.hash) {
    throw new OptimizerError(
      `library ${library.recordId} was recorded for controller hash ${library.hash}, but rebuilding it gives ${controller.hash}: the controller's defaults or schema changed since it was learned; learn it again`,
    );
  }
  return controller;
}
