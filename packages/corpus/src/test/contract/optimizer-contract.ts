import { describe, expect, it } from 'vitest';
import { InvalidRecordError } from '../../invalid-record-error';
import { RecordConflictError } from '../../record-conflict-error';
import {
  buildCandidateRecord,
  buildGateRecord,
  buildIterationRecord,
  buildOptimizationRecord,
} from '../record-builders';
import { type ContractStores, failureOf } from './stores';

export function optimizerContract(stores: ContractStores): void {
  describe('optimizations', () => {
    it('reads back an optimization as written, and null for one it does not hold', async () => {
      const record = buildOptimizationRecord({
        resumeCommand: 'ratchet optimize --resume opt-1',
        commitSha: 'abc1234',
      });
      await stores.corpus.putOptimization(record);
      expect(await stores.corpus.optimization('opt-1')).toEqual(record);
      expect(await stores.corpus.optimization('opt-9')).toBeNull();
    });

    it('lets the lifecycle and progress change: status, end, stop reason, best, spend, resume command', async () => {
      const record = buildOptimizationRecord();
      await stores.corpus.putOptimization(record);
      const ended = {
        ...record,
        status: 'completed' as const,
        endedAt: '2026-01-01T03:00:00.000Z',
        stopReason: 'budget-cells' as const,
        stopDetail: 'ran 400 of 400 cells',
        best: { id: 'default', hash: 'decade' },
        spend: { cells: 400, usd: null },
        resumeCommand: 'ratchet optimize --resume opt-1',
      };
      await stores.corpus.putOptimization(ended);
      expect(await stores.corpus.optimization('opt-1')).toEqual(ended);
      expect(await stores.corpus.optimizations()).toEqual([ended]);
    });

    it('refuses a change to what defines the search, naming the fields, and keeps the stored record', async () => {
      const record = buildOptimizationRecord();
      await stores.corpus.putOptimization(record);
      const objectives = [...record.objectives, { name: 'usd', direction: 'minimize' as const }];
      const moved = { ...record, status: 'completed' as const, seed: '8', objectives };
      const error = await failureOf(stores.corpus.putOptimization(moved));
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect(error.message).toBe(
        'a different optimization with id "opt-1" is already in the corpus (fields frozen when the optimization started changed: objectives, seed); the stored optimization was kept',
      );
      expect(await stores.corpus.optimization('opt-1')).toEqual(record);
    });

    it('lists optimizations by start time, then id, filtered by benchmark', async () => {
      const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
      await stores.corpus.putOptimization(buildOptimizationRecord({ optimizationId: 'c', startedAt: at(3) }));
      await stores.corpus.putOptimization(
        buildOptimizationRecord({ optimizationId: 'b', benchmark: 'sat', startedAt: at(1) }),
      );
      await stores.corpus.putOptimization(buildOptimizationRecord({ optimizationId: 'a', startedAt: at(3) }));
      const ids = async (filter?: { benchmark?: string }) =>
        (await stores.corpus.optimizations(filter)).map((record) => record.optimizationId);
      expect(await ids()).toEqual(['b', 'a', 'c']);
      expect(await ids({ benchmark: 'dsl' })).toEqual(['a', 'c']);
      expect(await ids({ benchmark: 'swe' })).toEqual([]);
    });

    it('refuses an invalid optimization record, naming the field, and writes nothing', async () => {
      const bad = buildOptimizationRecord({ objectives: [] });
      const error = await failureOf(stores.corpus.putOptimization(bad));
      expect(InvalidRecordError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(/^optimization opt-1: invalid optimization record: objectives: /);
      expect(await stores.corpus.optimizations()).toEqual([]);
    });
  });

  describe('appendOptimizerRecords', () => {
    const batch = () => [
      buildCandidateRecord(),
      buildCandidateRecord({
        recordId: 'opt-1/decade',
        hash: 'decade',
        parents: ['c0ffee'],
        origin: 'proposal',
        proposer: 'reflective',
        changed: ['instructions'],
        iteration: 1,
      }),
      buildIterationRecord(),
      buildGateRecord(),
    ];

    it('round-trips candidates, iterations and gate records exactly', async () => {
      const [baseline, proposal, iteration, gate] = batch();
      expect(await stores.corpus.appendOptimizerRecords(batch())).toEqual({ inserted: 4, duplicates: 0 });
      expect(await stores.corpus.candidates()).toEqual([baseline, proposal]);
      expect(await stores.corpus.iterations('opt-1')).toEqual([iteration]);
      expect(await stores.corpus.gateRecords()).toEqual([gate]);
    });

    it('counts a retried write of the same records as duplicates, whatever their key order', async () => {
      await stores.corpus.appendOptimizerRecords(batch());
      expect(await stores.corpus.appendOptimizerRecords(batch())).toEqual({ inserted: 0, duplicates: 4 });
      const reversed = batch().map((record) => Object.fromEntries(Object.entries(record).reverse()));
      expect(await stores.corpus.appendOptimizerRecords(reversed as never)).toEqual({ inserted: 0, duplicates: 4 });
      expect(await stores.corpus.candidates()).toHaveLength(2);
    });

    it('refuses a second, different decision under a ledger id and writes nothing from that batch', async () => {
      await stores.corpus.appendOptimizerRecords([buildGateRecord()]);
      const second = buildGateRecord({ promoted: false, reason: 'ci-below-threshold', runId: 'gate-run-2' });
      const error = await failureOf(
        stores.corpus.appendOptimizerRecords([
          buildCandidateRecord({ recordId: 'opt-1/fresh', hash: 'fresh' }),
          second,
        ]),
      );
      expect(RecordConflictError.isInstance(error)).toBe(true);
      expect((error as RecordConflictError).recordKind).toBe('gate');
      expect(error.message).toBe(
        'a different gate with id "gate/dsl/holdout-1/c0ffee" is already in the corpus (fields that differ: promoted, reason, runId); nothing from this batch was written; a holdout is decided once per incumbent (docs/design.md rule 6): gate on a fresh holdout',
      );
      expect(await stores.corpus.candidates()).toEqual([]);
      expect(await stores.corpus.gateRecords()).toEqual([buildGateRecord()]);
    });

    it('refuses a different candidate or iteration under a used id', async () => {
      await stores.corpus.appendOptimizerRecords(batch());
      const candidate = await failureOf(
        stores.corpus.appendOptimizerRecords([buildCandidateRecord({ parameters: { instructions: 'other' } })]),
      );
      expect(candidate.message).toMatch(
        /^a different candidate with id "opt-1\/c0ffee" .*fields that differ: parameters/,
      );
      const iteration = await failureOf(
        stores.corpus.appendOptimizerRecords([buildIterationRecord({ outcome: 'rejected', valScore: null })]),
      );
      expect(iteration.message).toMatch(
        /^a different iteration with id "opt-1\/1" .*fields that differ: outcome, valScore/,
      );
    });

    it('keeps record ids of different kinds apart: a candidate and an iteration may share one', async () => {
      const candidate = buildCandidateRecord({ recordId: 'opt-1/3', hash: '3' });
      const iteration = buildIterationRecord({ recordId: 'opt-1/3', iteration: 3 });
      expect(await stores.corpus.appendOptimizerRecords([candidate, iteration])).toEqual({
        inserted: 2,
        duplicates: 0,
      });
      expect(await stores.corpus.candidates()).toEqual([candidate]);
      expect(await stores.corpus.iterations('opt-1')).toEqual([iteration]);
    });

    it('validates the whole batch before writing any of it, naming the record and the field', async () => {
      const bad = buildIterationRecord({ iteration: 0 });
      const error = await failureOf(stores.corpus.appendOptimizerRecords([buildCandidateRecord(), bad]));
      expect(InvalidRecordError.isInstance(error)).toBe(true);
      expect(error.message).toMatch(/^records\[1\]: invalid iteration record: iteration: /);
      const unknown = { ...buildCandidateRecord(), kind: 'optimization' };
      const kindError = await failureOf(stores.corpus.appendOptimizerRecords([unknown as never]));
      expect(kindError.message).toBe(
        "records[0]: invalid optimizer record: kind: must be 'candidate', 'iteration', 'gate', 'library' or 'flywheel' (optimizations are written with putOptimization)",
      );
      expect(await stores.corpus.candidates()).toEqual([]);
    });
  });
}
