import { openCorpus } from '@ratchet/corpus';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AttemptView } from './contracts/attempt-view';
import type { Finding } from './contracts/finding';
import { JudgeLeakError } from './contracts/judge-leak-error';
import { defaultController } from './controllers/default-controller';
import { assertNoJudgeVerdict, buildSteer } from './firewall';
import { digitBenchmark } from './fixtures/digits-benchmark';
import { runBenchmark } from './run/run-benchmark';
import { random, refine } from './strategies/built-in-strategies';
import { defineStrategy } from './strategies/strategy';

const fromTrace: Finding = { claim: 'visible test 2 fails on negative input', evidence: null, origin: 'trace' };
const fromJudge: Finding = { claim: 'hidden test 7 failed', evidence: { resolved: false }, origin: 'judge' };

describe('the firewall', () => {
  it('refuses judge-derived findings, naming them', () => {
    expect(() => assertNoJudgeVerdict([fromTrace])).not.toThrow();
    expect(() => assertNoJudgeVerdict([fromTrace, fromJudge])).toThrow(JudgeLeakError);
    expect(() => assertNoJudgeVerdict([fromTrace, fromJudge])).toThrow(/#1 "hidden test 7 failed"/);
    const request = {
      controller: defaultController,
      worker: { id: 'w' },
      task: { id: 't', split: 'train', input: null },
      history: [],
      continued: false,
    } as const;
    expect(() => buildSteer({ ...request, findings: [fromJudge] })).toThrow(JudgeLeakError);
  });

  it('gives strategies attempt views with no field that can hold a verdict', async () => {
    expectTypeOf<AttemptView>().not.toHaveProperty('verdict');
    const seen: AttemptView[] = [];
    const corpus = await openCorpus('sqlite::memory:');
    const peek = defineStrategy('peek', async (ctx) => {
      seen.push(await ctx.shot());
      seen.push(await ctx.shot());
    });
    await runBenchmark({
      ...digitBenchmark(2),
      corpus,
      arms: [{ id: 'peek', strategy: peek, k: 2, controller: defaultController }],
      primaryContrast: { name: 'none', baseline: 'peek', candidate: 'peek' },
    });
    expect(seen).toHaveLength(4);
    for (const view of seen) expect(Object.keys(view)).not.toContain('verdict');
    // The verdicts exist, in the corpus only.
    expect((await corpus.records()).every((record) => record.verdict !== null)).toBe(true);
    await corpus.close();
  });

  it('stops a run whose analyst hands a judge-derived finding to a steer', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const leakyAnalyst = { id: 'leaky', observe: async () => [fromJudge] };
    const run = runBenchmark({
      ...digitBenchmark(2),
      corpus,
      analyst: leakyAnalyst,
      arms: [
        { id: 'random', ...random(2) },
        { id: 'refine', ...refine(2) },
      ],
    });
    await expect(run).rejects.toThrow(JudgeLeakError);
    await corpus.close();
  });
});
