import { openCorpus } from '@ratchet/corpus';
import { buildCandidateRecord, buildGateRecord } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { certifiedPrograms } from './certified-programs';

const winner = 'export default async function (ctx) { await ctx.shot(); await ctx.shot(); }';
const loser = 'export default async function (ctx) { await ctx.shot(); }';

describe('certifiedPrograms', () => {
  it('lists programs a gate promoted, newest first, once each, with their lift; never a rejected one', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const lift = { estimate: 0.12, low: 0.04, high: 0.2 };
    await corpus.appendOptimizerRecords([
      buildCandidateRecord({
        recordId: 'opt-1/p1',
        hash: 'p1',
        controllerId: 'program',
        parameters: { program: winner },
      }),
      buildCandidateRecord({
        recordId: 'opt-1/p2',
        hash: 'p2',
        controllerId: 'program',
        parameters: { program: loser },
      }),
      buildCandidateRecord({
        recordId: 'opt-2/p1',
        optimizationId: 'opt-2',
        hash: 'p1',
        controllerId: 'program',
        parameters: { program: winner },
      }),
      buildCandidateRecord({
        recordId: 'opt-1/d1',
        hash: 'd1',
        controllerId: 'default',
        parameters: { preamble: 'x' },
      }),
      buildGateRecord({ recordId: 'g1', candidate: { id: 'program', hash: 'p1' }, decision: { lift } }),
      buildGateRecord({
        recordId: 'g2',
        holdoutKey: 'rotation 1',
        candidate: { id: 'program', hash: 'p1' },
        decision: { lift },
        createdAt: '2026-02-01T00:00:00.000Z',
      }),
      buildGateRecord({ recordId: 'g3', candidate: { id: 'program', hash: 'p2' }, promoted: false, reason: 'vetoed' }),
      buildGateRecord({ recordId: 'g4', candidate: { id: 'default', hash: 'd1' } }),
    ]);
    expect(await certifiedPrograms(corpus)).toEqual([
      {
        name: 'certified p1',
        source: winner,
        note: 'certified: promoted on dsl\'s holdout "rotation 1" (40 tasks), lift +12.0 points [+4.0, +20.0]',
      },
    ]);
    expect(await certifiedPrograms(corpus, { benchmark: 'sat' })).toEqual([]);
    await corpus.close();
  });
});
