import { describe, expect, it } from 'vitest';
import { supersededCellOf } from '../../cell-append-outcome';
import type { CellRecord } from '../../cell-record';
import { RecordConflictError } from '../../record-conflict-error';
import { buildCellRecord, buildVerdict } from '../record-builders';
import { type ContractStores, failureOf } from './stores';

const infraCell = buildCellRecord({
  status: 'infra',
  infra: { error: 'sandbox crashed', retries: 3 },
  verdict: null,
  finalAttemptId: null,
  finalOutput: null,
});
const retried = (earlier: CellRecord & { status: 'infra' }, overrides: Partial<CellRecord> = {}): CellRecord =>
  buildCellRecord({
    try: earlier.try + 1,
    attemptIds: [`run-1/random/task-1/0/t${earlier.try + 1}/a0`],
    supersedes: [...(earlier.supersedes ?? []), supersededCellOf(earlier)],
    ...overrides,
  });

export function supersedeContract(stores: ContractStores): void {
  describe('a later try replacing an infra cell (--retry-infra)', () => {
    it('replaces an infra cell with a later try that keeps it whole, and counts it as written', async () => {
      await stores.corpus.append([infraCell]);
      const next = retried(infraCell as CellRecord & { status: 'infra' });
      expect(await stores.corpus.append([next])).toEqual({ inserted: 1, duplicates: 0 });
      expect(await stores.corpus.cells({ runId: 'run-1' })).toEqual([next]);
      // The same replacement again, and the superseded cell again (a re-import), are retried writes.
      expect(await stores.corpus.append([next, infraCell])).toEqual({ inserted: 0, duplicates: 2 });
      expect(await stores.corpus.cells({ runId: 'run-1' })).toEqual([next]);
    });

    it('chains: a second infra try is superseded with the first, oldest first', async () => {
      const second = retried(infraCell as CellRecord & { status: 'infra' }, {
        status: 'infra',
        infra: { error: 'timeout of the harness', retries: 3 },
        verdict: null,
        finalAttemptId: null,
        finalOutput: null,
      });
      const third = retried(second as CellRecord & { status: 'infra' }, { try: 2 });
      await stores.corpus.append([infraCell]);
      await stores.corpus.append([second]);
      await stores.corpus.append([third]);
      const [stored] = await stores.corpus.cells({ runId: 'run-1' });
      expect(stored?.supersedes?.map((cell) => [cell.try, cell.infra?.error])).toEqual([
        [0, 'sandbox crashed'],
        [1, 'timeout of the harness'],
      ]);
    });

    it('never replaces a cell with an outcome: a failed ok cell stays as recorded (probe)', async () => {
      const failed = buildCellRecord({ verdict: buildVerdict(false) });
      await stores.corpus.append([failed]);
      // A "retry" that pretends the failed cell was infra and brings a success.
      const forged = retried({ ...failed, status: 'infra', infra: { error: 'x', retries: 0 } });
      const error = await failureOf(stores.corpus.append([forged]));
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect(error.message).toContain('only an infra cell can be replaced');
      expect(await stores.corpus.cells({ runId: 'run-1' })).toEqual([failed]);
    });

    it('refuses a replacement that drops or alters the infra cell it replaces, or is not a later try', async () => {
      await stores.corpus.append([infraCell]);
      const altered = retried({
        ...(infraCell as CellRecord & { status: 'infra' }),
        infra: { error: 'y', retries: 0 },
      });
      const sameTry = retried(infraCell as CellRecord & { status: 'infra' }, { try: 0 });
      for (const bad of [altered, sameTry]) {
        const error = await failureOf(stores.corpus.append([bad]));
        expect(RecordConflictError.isInstance(error)).toBe(true);
      }
      expect(await stores.corpus.cells({ runId: 'run-1' })).toEqual([infraCell]);
    });
  });
}
