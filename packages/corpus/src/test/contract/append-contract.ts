import { describe, expect, it } from 'vitest';
import { InvalidRecordError } from '../../invalid-record-error';
import { RecordConflictError } from '../../record-conflict-error';
import { RecordNotFoundError } from '../../record-not-found-error';
import { buildCellRecord, buildRunRecord, buildVerdict } from '../record-builders';
import { type ContractStores, failureOf } from './stores';

export function appendContract(stores: ContractStores): void {
  describe('append', () => {
    it('round-trips attempts and cells exactly', async () => {
      const record = buildRunRecord({ failure: { reason: 'exit', message: 'exit code 1', stderr: 'boom' } });
      const cell = buildCellRecord({ chosenBy: 'strategy', try: 2 });
      expect(await stores.corpus.append([record, cell])).toEqual({ inserted: 2, duplicates: 0 });
      expect(await stores.corpus.records({ runId: 'run-1' })).toEqual([record]);
      expect(await stores.corpus.cells({ runId: 'run-1' })).toEqual([cell]);
    });

    it('counts a retried write of the same records as duplicates', async () => {
      const records = [buildRunRecord(), buildRunRecord({ recordId: 'r-2', attempt: 1 }), buildCellRecord()];
      await stores.corpus.append(records);
      expect(await stores.corpus.append(records)).toEqual({ inserted: 0, duplicates: 3 });
      expect((await stores.corpus.stats()).attempts).toBe(2);
    });

    it('takes the same record with its keys in another order as a duplicate', async () => {
      const record = buildRunRecord();
      const cell = buildCellRecord();
      await stores.corpus.append([record, cell]);
      const reversed = [record, cell].map((value) => Object.fromEntries(Object.entries(value).reverse()));
      expect(await stores.corpus.append(reversed as never)).toEqual({ inserted: 0, duplicates: 2 });
    });

    it('refuses a different record under a used id and writes nothing from that batch', async () => {
      await stores.corpus.append([buildRunRecord(), buildCellRecord()]);
      const batch = [buildRunRecord({ recordId: 'fresh' }), buildRunRecord({ output: { inline: 'other answer' } })];
      const error = await failureOf(stores.corpus.append(batch));
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(/a different attempt with id "run-1\/random\/task-1\/0\/0" .*output/);
      expect(await stores.corpus.recordIds()).toEqual(['run-1/random/task-1/0/0']);
      const cellError = await failureOf(stores.corpus.append([buildCellRecord({ try: 1 })]));
      expect(RecordConflictError.isInstance(cellError)).toBe(true);
      expect(cellError.message).toMatch(/a different cell with id "run-1\/random\/task-1\/0"/);
    });

    it('validates the whole batch before writing any of it', async () => {
      const bad = { ...buildRunRecord({ recordId: 'bad' }), usage: { turns: 1 } };
      const error = await failureOf(stores.corpus.append([buildRunRecord(), bad as never]));
      expect(InvalidRecordError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(/records\[1\]: invalid attempt record: usage\./);
      expect((await stores.corpus.stats()).attempts).toBe(0);
    });
  });

  describe('attachVerdicts', () => {
    it('fills in a verdict once, takes the same one again as a duplicate, and refuses a different one', async () => {
      const record = buildRunRecord({ verdict: null });
      await stores.corpus.append([record]);
      const verdict = buildVerdict(true);
      const attach = (v = verdict) => stores.corpus.attachVerdicts([{ recordId: record.recordId, verdict: v }]);
      expect(await attach()).toEqual({ inserted: 1, duplicates: 0 });
      expect(await attach()).toEqual({ inserted: 0, duplicates: 1 });
      expect((await stores.corpus.records())[0]?.verdict).toEqual(verdict);
      const conflict = await failureOf(attach(buildVerdict(false)));
      expect(RecordConflictError.isInstance(conflict)).toBe(true);
      expect(conflict.message).toMatch(/already has a different verdict/);
      expect((await stores.corpus.records())[0]?.verdict).toEqual(verdict);
    });

    it('refuses a verdict for an attempt it does not hold, writing none of the batch', async () => {
      await stores.corpus.append([buildRunRecord({ verdict: null })]);
      const error = await failureOf(
        stores.corpus.attachVerdicts([
          { recordId: 'run-1/random/task-1/0/0', verdict: buildVerdict(true) },
          { recordId: 'missing', verdict: buildVerdict(true) },
        ]),
      );
      expect(RecordNotFoundError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(/no attempt with id "missing" is in the corpus/);
      expect((await stores.corpus.records())[0]?.verdict).toBeNull();
    });
  });
}
