import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CandidateFilter, GateFilter } from '../../corpus';
import { exportJsonl } from '../../export-jsonl';
import { importJsonl } from '../../import-jsonl';
import {
  buildCandidateRecord,
  buildGateRecord,
  buildIterationRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
} from '../record-builders';
import type { ContractStores } from './stores';

const at = (hour: number) => `2026-01-01T${String(hour).padStart(2, '0')}:00:00.000Z`;

export function optimizerQueryContract(stores: ContractStores): void {
  describe('candidates, iterations and gateRecords', () => {
    beforeEach(async () => {
      // Appended out of order, to show the store orders by createdAt (or iteration), not by insertion.
      await stores.corpus.appendOptimizerRecords([
        buildCandidateRecord({ recordId: 'opt-2/c0ffee', optimizationId: 'opt-2', createdAt: at(5) }),
        buildCandidateRecord({ recordId: 'opt-1/f00d', hash: 'f00d', iteration: 2, createdAt: at(2) }),
        buildCandidateRecord({ recordId: 'opt-1/beef', hash: 'beef', iteration: 2, createdAt: at(2) }),
        buildCandidateRecord({ recordId: 'opt-1/c0ffee', createdAt: at(1) }),
        buildIterationRecord({ recordId: 'opt-1/10', iteration: 10 }),
        buildIterationRecord({ recordId: 'opt-1/2', iteration: 2 }),
        buildIterationRecord({ recordId: 'opt-2/1', optimizationId: 'opt-2', iteration: 1 }),
        buildIterationRecord({ recordId: 'opt-1/1', iteration: 1 }),
        buildGateRecord({ recordId: 'g-sat', benchmark: 'sat', createdAt: at(4) }),
        buildGateRecord({ recordId: 'g-2', holdoutKey: 'dsl:seed=8:holdout', createdAt: at(3) }),
        buildGateRecord({
          recordId: 'g-1',
          incumbent: { id: 'default', hash: 'decade' },
          candidate: { id: 'default', hash: 'f00d' },
          createdAt: at(3),
        }),
      ]);
    });

    it('returns candidates in createdAt order, ties by record id, filtered by optimization and hash', async () => {
      const ids = async (filter?: CandidateFilter) => (await stores.corpus.candidates(filter)).map((c) => c.recordId);
      expect(await ids()).toEqual(['opt-1/c0ffee', 'opt-1/beef', 'opt-1/f00d', 'opt-2/c0ffee']);
      expect(await ids({ optimizationId: 'opt-1' })).toEqual(['opt-1/c0ffee', 'opt-1/beef', 'opt-1/f00d']);
      expect(await ids({ hash: 'c0ffee' })).toEqual(['opt-1/c0ffee', 'opt-2/c0ffee']);
      expect(await ids({ optimizationId: 'opt-2', hash: 'f00d' })).toEqual([]);
    });

    it('returns an optimization’s iterations by iteration number (2 before 10), and no other’s', async () => {
      const numbers = async (id: string) => (await stores.corpus.iterations(id)).map((i) => i.iteration);
      expect(await numbers('opt-1')).toEqual([1, 2, 10]);
      expect(await numbers('opt-2')).toEqual([1]);
      expect(await numbers('opt-3')).toEqual([]);
    });

    it('returns gate records in createdAt order, ties by record id, filtered by benchmark, holdout and hashes', async () => {
      const ids = async (filter?: GateFilter) => (await stores.corpus.gateRecords(filter)).map((g) => g.recordId);
      expect(await ids()).toEqual(['g-1', 'g-2', 'g-sat']);
      expect(await ids({ benchmark: 'dsl' })).toEqual(['g-1', 'g-2']);
      expect(await ids({ holdoutKey: 'dsl:seed=8:holdout' })).toEqual(['g-2']);
      expect(await ids({ incumbentHash: 'c0ffee' })).toEqual(['g-2', 'g-sat']);
      expect(await ids({ candidateHash: 'f00d' })).toEqual(['g-1']);
      expect(await ids({ benchmark: 'dsl', holdoutKey: 'dsl:seed=7:holdout', incumbentHash: 'decade' })).toEqual([
        'g-1',
      ]);
      expect(await ids({ benchmark: 'sat', candidateHash: 'f00d' })).toEqual([]);
    });
  });

  describe('JSON Lines interchange of optimizer records', () => {
    it('exports and imports optimizations, candidates, iterations and gates; a second import writes nothing', async () => {
      const source = stores.corpus;
      await source.putManifest(buildManifest());
      await source.append([buildRunRecord()]);
      await source.putOptimization(buildOptimizationRecord({ status: 'completed', stopReason: 'iterations' }));
      await source.putOptimization(buildOptimizationRecord({ optimizationId: 'opt-2', benchmark: 'sat' }));
      await source.appendOptimizerRecords([
        buildCandidateRecord(),
        buildIterationRecord({ recordId: 'opt-1/10', iteration: 10 }),
        buildIterationRecord(),
        buildIterationRecord({ recordId: 'opt-2/1', optimizationId: 'opt-2' }),
        buildGateRecord(),
      ]);
      const stream = new PassThrough();
      const done = exportJsonl(source, {}, stream).then((summary) => {
        stream.end();
        return summary;
      });
      const body = await text(stream);
      expect(await done).toEqual({
        ...{ manifests: 1, attempts: 1, cells: 0, blobs: 0 },
        ...{ optimizations: 2, candidates: 1, iterations: 3, gates: 1, libraries: 0, flywheels: 0 },
      });
      const lines = body
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => [line.kind, line.optimizationId ?? line.runId, line.iteration])).toEqual([
        ['manifest', 'run-1', undefined],
        ['attempt', 'run-1', undefined],
        ['optimization', 'opt-1', undefined],
        ['optimization', 'opt-2', undefined],
        ['candidate', 'opt-1', 0],
        ['iteration', 'opt-1', 1],
        ['iteration', 'opt-1', 10],
        ['iteration', 'opt-2', 1],
        ['gate', 'opt-1', undefined],
      ]);
      const target = await stores.another();
      const first = await importJsonl(target, Readable.from([body]));
      expect(first).toMatchObject({ optimizations: 2, candidates: 1, iterations: 3, gates: 1, inserted: 6 });
      expect(await target.optimizations()).toEqual(await source.optimizations());
      expect(await target.candidates()).toEqual(await source.candidates());
      expect(await target.iterations('opt-1')).toEqual(await source.iterations('opt-1'));
      expect(await target.iterations('opt-2')).toEqual(await source.iterations('opt-2'));
      expect(await target.gateRecords()).toEqual(await source.gateRecords());
      const again = await importJsonl(target, Readable.from([body]));
      expect(again).toMatchObject({ inserted: 0, duplicates: 6 });
      expect(await target.optimizations()).toEqual(await source.optimizations());
    });
  });
}
