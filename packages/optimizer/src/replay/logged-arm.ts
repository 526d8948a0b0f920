import type { CellRecord, Corpus, RunRecord, Split } from '@ratchet/corpus';
import { OptimizerError } from '../optimizer-error';

/** One arm of one run as a replay reads it: its finished cells and their attempts, nothing else. */
export interface LoggedArm {
  readonly runId: string;
  readonly armId: string;
  readonly benchmark: string;
  /** The arm's k: a cell that ended short of it ended by its strategy's own choice. */
  readonly k: number;
  /** Cells that finished (`ok`), of the splits asked for. */
  readonly cells: readonly CellRecord[];
  /** Their attempts by record id. */
  readonly records: ReadonlyMap<string, RunRecord>;
}

/**
 * Reads one arm's finished cells and their attempts, of the given splits only: a caller that must not
 * see holdout (a learner) asks for train and val, and no holdout cell or record is ever fetched.
 *
 * @throws {OptimizerError} when the run has no such arm.
 */
export async function loadLoggedArm(
  corpus: Corpus,
  options: { readonly runId: string; readonly armId: string; readonly splits?: readonly Split[] },
): Promise<LoggedArm> {
  const manifest = await corpus.manifest(options.runId);
  const arm = manifest?.arms.find((spec) => spec.armId === options.armId);
  if (!manifest || !arm) throw new OptimizerError(`run ${options.runId} has no arm ${options.armId}`);
  const splits: ReadonlyArray<Split | undefined> = options.splits ?? [undefined];
  const cells: CellRecord[] = [];
  const records = new Map<string, RunRecord>();
  for (const split of splits) {
    const only = split === undefined ? {} : { split };
    for (const cell of await corpus.cells({ runId: options.runId, arms: [options.armId], ...only })) {
      if (cell.status === 'ok') cells.push(cell);
    }
    for (const record of await corpus.records({ runId: options.runId, armId: options.armId, ...only })) {
      records.set(record.recordId, record);
    }
  }
  return { runId: options.runId, armId: options.armId, benchmark: manifest.benchmark, k: arm.k, cells, records };
}

// One record-to-view function for every replay (stop, learned stop, off-policy).
export { replayViewOf } from './replay-view-of';

/** A cell's recorded attempts, oldest first. */
export function attemptsOf(cell: CellRecord, records: ReadonlyMap<string, RunRecord>): RunRecord[] {
  return cell.attemptIds
    .map((id) => records.get(id))
    .filter((record): record is RunRecord => record !== undefined)
    .sort((a, b) => a.attempt - b.attempt);
}
