import { type Corpus, openCorpus } from '@ratchet/corpus';
import { buildCellRecord, buildManifest, buildVerdict } from '@ratchet/corpus/test';
import { pairedBinaryContrast } from '@ratchet/stats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RuntimeError } from '../contracts/runtime-error';
import { compareRuns } from './compare-runs';

let corpus: Corpus;
beforeEach(async () => {
  corpus = await openCorpus('sqlite::memory:');
});
afterEach(() => corpus.close());

/** Records a run whose arm `armId` resolved the tasks marked 1 (task-0, task-1, …). */
async function recordRun(runId: string, outcomes: Record<string, number[]>, overrides = {}) {
  const armIds = Object.keys(outcomes);
  await corpus.putManifest(
    buildManifest({
      runId,
      arms: armIds.map((armId) => ({ armId, strategy: 'refine', k: 4, controller: { id: 'default', hash: 'c0ffee' } })),
      primaryContrast: { name: 'steering', baseline: armIds[0] as string, candidate: armIds.at(-1) as string },
      ...overrides,
    }),
  );
  await corpus.append(
    Object.entries(outcomes).flatMap(([armId, values]) =>
      values.map((value, task) =>
        buildCellRecord({
          cellId: `${runId}/${armId}/task-${task}/0`,
          runId,
          armId,
          taskId: `task-${task}`,
          verdict: buildVerdict(value === 1),
        }),
      ),
    ),
  );
}

describe('compareRuns', () => {
  it('pairs each shared arm on shared tasks and measures candidate − baseline (McNemar exact below 20 pass/fail pairs)', async () => {
    const before = [0, 0, 1, 0, 1, 0, 0, 1, 0, 0];
    const after = [1, 0, 1, 1, 1, 0, 1, 1, 0, 1];
    await recordRun('before', { 'refine@4': before, blind: before });
    await recordRun('after', { 'refine@4': after, 'random@4': after }, { seed: '7' });
    const comparison = await compareRuns(corpus, 'before', 'after');
    expect(comparison.contrasts).toHaveLength(1);
    const [contrast] = comparison.contrasts;
    const reference = pairedBinaryContrast(before, after);
    expect(contrast).toMatchObject({
      name: 'refine@4',
      family: 'exploratory',
      baseline: 'before/refine@4',
      candidate: 'after/refine@4',
      n: 10,
      estimate: 0.4,
      low: reference.low,
      high: reference.high,
      pValue: reference.pValue,
      qValue: reference.pValue,
      test: 'mcnemar-exact',
    });
    expect(comparison.unmatched).toEqual({ baseline: ['blind'], candidate: ['random@4'] });
    expect(comparison.differences).toEqual(['seed: "42" → "7"']);
  });

  it('lists every field of the resolved configurations that differs, and says when the config hashes differ', async () => {
    const judge = (tolerance: number) => ({ kind: 'numeric', tolerance });
    await recordRun(
      'a',
      { x: [1, 0] },
      { configHash: 'aaaa', config: { judge: judge(0), seed: '1', tasks: ['t0', 't1'] } },
    );
    await recordRun(
      'b',
      { x: [1, 1] },
      { configHash: 'bbbb', config: { judge: judge(0.01), seed: '1', tasks: ['t0', 't1'] } },
    );
    const comparison = await compareRuns(corpus, 'a', 'b');
    expect(comparison.differences).toEqual(['config hash: aaaa → bbbb', 'config.judge.tolerance: 0 → 0.01']);
  });

  it('pairs only the tasks both runs have and counts the rest as unpaired', async () => {
    await recordRun('short', { refine: [1, 0, 1] });
    await recordRun('long', { refine: [1, 1, 1, 0, 0] });
    const [contrast] = (await compareRuns(corpus, 'short', 'long')).contrasts;
    expect(contrast?.n).toBe(3);
    expect(contrast?.estimate).toBeCloseTo(1 / 3, 12);
    expect(contrast?.excluded.unpaired).toBe(2);
  });

  it('pairs differently named arms when told which, and BH-corrects across the pairs', async () => {
    await recordRun('a', { x: [0, 0, 0, 0, 1, 0, 0, 0], y: [1, 1, 0, 1, 0, 1, 1, 0] });
    await recordRun('b', { p: [1, 1, 1, 1, 1, 1, 1, 0], q: [1, 1, 0, 1, 0, 1, 1, 1] });
    const comparison = await compareRuns(corpus, 'a', 'b', {
      arms: [
        { baseline: 'x', candidate: 'p' },
        { baseline: 'y', candidate: 'q' },
      ],
    });
    expect(comparison.contrasts.map((c) => c.name)).toEqual(['p vs x', 'q vs y']);
    const [first, second] = comparison.contrasts;
    expect(first?.estimate).toBeCloseTo(6 / 8, 12);
    expect(second?.estimate).toBeCloseTo(1 / 8, 12);
    // BH with two p-values: the smaller is doubled (capped by the larger), the larger kept.
    const p = comparison.contrasts.map((c) => c.pValue as number);
    expect(first?.qValue).toBeCloseTo(Math.min(2 * Math.min(...p), Math.max(...p)), 12);
    expect(second?.qValue).toBeCloseTo(Math.max(...p), 12);
  });

  it('refuses a missing run, a missing arm, and runs that share no arm', async () => {
    await recordRun('a', { x: [1, 0] });
    await recordRun('b', { y: [1, 1] });
    await expect(compareRuns(corpus, 'a', 'nope')).rejects.toThrow('there is no run "nope"');
    await expect(compareRuns(corpus, 'a', 'b')).rejects.toThrow(/share no arm id/);
    await expect(compareRuns(corpus, 'a', 'b', { arms: [{ baseline: 'x', candidate: 'z' }] })).rejects.toThrow(
      'run "b" has no arm "z"; its arms: y',
    );
    await expect(compareRuns(corpus, 'a', 'b')).rejects.toBeInstanceOf(RuntimeError);
  });
});
