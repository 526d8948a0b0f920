import { createHash } from 'node:crypto';
import { type Corpus, canonicalJson, type JsonValue, type LibraryRecord } from '@ratchet/corpus';
import type { Controller, ControllerParameters, LibraryMiner } from '@ratchet/runtime';
import { OptimizerError } from '../optimizer-error';
import { type CertifiedReadOptions, certifiedExamples, type LearningSource } from './certified-examples';
import { recordLibrary } from './record-library';

export interface LearnOptions extends CertifiedReadOptions {
  /** The family's miner (`family.miner`). */
  readonly miner: LibraryMiner;
  /** The controller the library parameterises: its parameters are the base the mined ones are merged over. */
  readonly controller: Controller;
  /** The miner's settings (validated by `miner.settings`; defaults where unset). */
  readonly settings?: unknown;
  /** Save the library in the corpus as a `library` record (default true). */
  readonly record?: boolean;
  readonly now?: () => Date;
}

/** A learned library: the controller it makes, and everything needed to store, export or audit it. */
export interface LearnedController {
  /** The base controller with the mined parameters: another hash whenever the library differs. */
  readonly controller: Controller;
  readonly learner: string;
  /** The miner's settings as validated. */
  readonly settings: JsonValue;
  readonly source: LearningSource;
  readonly summary: JsonValue;
  /** A content id: the same learner, settings, base controller and source give the same id. */
  readonly libraryId: string;
  readonly createdAt: string;
  /** The record saved in the corpus (or found there, learned before); null when `record` was false. */
  readonly record: LibraryRecord | null;
}

/**
 * Learns a controller from the corpus (the outer loop's read side: docs/learning.md). Reads certified attempts of
 * train and val cells (`certifiedExamples`: holdout records are never queried), up to the cut-off,
 * hands them to the family's miner, and merges what it mines over the base controller's parameters,
 * validated by the controller's own schema. The mined parameters are part of the controller's identity.
 *
 * @throws {OptimizerError} when the miner's settings are invalid, naming the field, or the cut-off is not a date.
 * @throws {InvalidControllerError} when the miner returns parameters the controller's schema refuses.
 * @example
 * const learned = await learnFromCorpus(corpus, { miner: dslFamily.miner, controller: dslController, runIds: ['run-1'] });
 * learned.controller.hash; // differs from dslController.hash once anything was mined
 */
export async function learnFromCorpus(corpus: Corpus, options: LearnOptions): Promise<LearnedController> {
  const parsed = options.miner.settings.safeParse(options.settings ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`);
    throw new OptimizerError(`learnFromCorpus: invalid ${options.miner.id} settings — ${issues.join('; ')}`);
  }
  let until: string | undefined;
  if (options.until !== undefined) {
    const date = new Date(options.until);
    if (Number.isNaN(date.getTime())) {
      throw new OptimizerError(`learnFromCorpus: until must be an ISO date, received "${options.until}"`);
    }
    until = date.toISOString();
  }
  const { examples, source } = await certifiedExamples(corpus, {
    ...options,
    ...(until === undefined ? {} : { until }),
  });
  const mined = options.miner.mine(examples, parsed.data);
  const parameters = { ...options.controller.parameters, ...mined.parameters } as ControllerParameters;
  const controller = options.controller.withParameters(parameters);
  const settings = JSON.parse(JSON.stringify(parsed.data ?? null)) as JsonValue;
  const libraryId = `library-${createHash('sha256')
    .update(
      canonicalJson({
        learner: options.miner.id,
        settings,
        base: options.controller.hash,
        source,
      } as unknown as JsonValue),
    )
    .digest('hex')
    .slice(0, 16)}`;
  const learned = {
    controller,
    learner: options.miner.id,
    settings,
    source,
    summary: mined.summary,
    libraryId,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    record: null,
  };
  if (options.record === false) return learned;
  const record = await recordLibrary(corpus, learned);
  return { ...learned, createdAt: record.createdAt, record };
}
