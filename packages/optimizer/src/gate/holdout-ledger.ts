import { createHash } from 'node:crypto';
import { type Corpus, canonicalJson, type GateRecord } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import { OptimizerError } from '../optimizer-error';

/** A frozen holdout: the tasks a promotion is decided on, under a key that names where they came from. */
export interface Holdout {
  /** Names the draw (`dsl count=100 seed=7`, a dataset fold); a rotation gets a new key. */
  readonly key: string;
  readonly tasks: readonly Task[];
}

/** Raised when a holdout was already spent on a decision for this incumbent (docs/design.md rule 6: spend once). */
export class HoldoutSpentError extends OptimizerError {
  readonly earlier: GateRecord;
  constructor(earlier: GateRecord) {
    super(
      `the holdout "${earlier.holdoutKey}" of ${earlier.benchmark} was already spent for incumbent ${earlier.incumbent.hash}: on ${earlier.createdAt} it decided on candidate ${earlier.candidate.hash} (${earlier.promoted ? 'promoted' : `not promoted: ${earlier.reason}`}, ledger entry ${earlier.recordId}, run ${earlier.runId}). A holdout is spent once per decision: draw a fresh one (--rotate)`,
    );
    this.earlier = earlier;
  }
}

/** The ledger entry id of a decision on (benchmark, holdout, incumbent): one per holdout per incumbent. */
export function ledgerEntryId(benchmark: string, holdoutKey: string, incumbentHash: string): string {
  const digest = createHash('sha256').update(canonicalJson({ benchmark, holdoutKey, incumbentHash })).digest('hex');
  return `gate-${digest.slice(0, 16)}`;
}

/** sha256 of the sorted holdout task ids. */
export function holdoutDigest(tasks: readonly Task[]): string {
  return createHash('sha256')
    .update(canonicalJson(tasks.map((task) => task.id).sort()))
    .digest('hex');
}

/** The earlier decision on this holdout for this incumbent, if any. */
export async function earlierDecision(
  corpus: Corpus,
  benchmark: string,
  holdoutKey: string,
  incumbentHash: string,
): Promise<GateRecord | null> {
  const [earlier] = await corpus.gateRecords({ benchmark, holdoutKey, incumbentHash });
  return earlier ?? null;
}

/**
 * Refuses a holdout already spent for this incumbent, naming the earlier decision.
 *
 * @throws {HoldoutSpentError}
 */
export async function assertHoldoutUnspent(
  corpus: Corpus,
  benchmark: string,
  holdoutKey: string,
  incumbentHash: string,
): Promise<void> {
  const earlier = await earlierDecision(corpus, benchmark, holdoutKey, incumbentHash);
  if (earlier) throw new HoldoutSpentError(earlier);
}

/**
 * The first holdout not yet spent for this incumbent: rotation 0 is the configured holdout; with
 * `rotate`, rotations 1, 2, … are drawn (a fresh seed for a generated family, the next fold of a
 * dataset) until one has no ledger entry. Without `rotate`, a spent holdout is refused.
 *
 * @throws {HoldoutSpentError} when the holdout is spent and `rotate` is off.
 */
export async function nextHoldout(
  corpus: Corpus,
  options: {
    readonly benchmark: string;
    readonly incumbentHash: string;
    readonly draw: (rotation: number) => Promise<Holdout>;
    readonly rotate?: boolean;
    readonly maxRotations?: number;
  },
): Promise<Holdout & { readonly rotation: number }> {
  const max = options.maxRotations ?? 1000;
  for (let rotation = 0; rotation <= max; rotation++) {
    const holdout = await options.draw(rotation);
    const earlier = await earlierDecision(corpus, options.benchmark, holdout.key, options.incumbentHash);
    if (!earlier) return { ...holdout, rotation };
    if (!options.rotate) throw new HoldoutSpentError(earlier);
  }
  throw new OptimizerError(`no unspent holdout in ${max} rotations for incumbent ${options.incumbentHash}`);
}
