import { describe, expect, it } from 'vitest';
import { decidePromotion } from './decide-promotion';
import { UnpairedDataError } from './unpaired-data-error';

/** Builds per-task outcomes from two strings of 0/1 characters, one per task. */
function arms(incumbent: string, candidate: string) {
  const taskIds = [...incumbent].map((_, i) => `task-${i}`);
  const toOutcomes = (text: string) => Object.fromEntries(taskIds.map((id, i) => [id, Number(text[i])]));
  return { taskIds, incumbent: toOutcomes(incumbent), candidate: toOutcomes(candidate) };
}

describe('decidePromotion', () => {
  it('promotes a clear pass/fail win below 20 tasks with the exact test', () => {
    const decision = decidePromotion({ ...arms('110000000000', '011111111100'), seed: 1 });
    expect(decision).toMatchObject({ promoted: true, reason: 'promoted', n: 12, test: 'exact' });
    expect(decision.veto).toEqual({ test: 'mcnemar-exact', losses: 1, wins: 8, pValue: 0.0390625 });
    expect(decision.lift.estimate).toBeCloseTo(7 / 12, 14);
    expect(decision.lift.low as number).toBeGreaterThan(0);
  });

  it('reports Tango’s score interval for the lift of pass/fail outcomes below 20 tasks', () => {
    // 8 wins, 1 loss in 12: pairedLiftInterval(1, 8, 12), scipy brentq on Tango's score (see its test):
    // (0.10290698204302724, 0.8302003209190537). The Clopper–Pearson scaling used before gave 0.026.
    const decision = decidePromotion({ ...arms('110000000000', '011111111100'), seed: 1 });
    expect(decision.lift.low as number).toBeCloseTo(0.10290698204302724, 9);
    expect(decision.lift.high as number).toBeCloseTo(0.8302003209190537, 9);
  });

  it('lets McNemar’s exact test veto a score interval that excludes 0', () => {
    // 4 wins, 0 losses in 12: Tango's lower bound is 0.0100 (score 4/√4 = 2 > 1.96), but the exact
    // test's p = 2·(½)⁴ = 0.125.
    const decision = decidePromotion({ ...arms('000000000000', '111100000000'), seed: 1 });
    expect(decision.lift.low as number).toBeCloseTo(0.010007991126345508, 9);
    expect(decision).toMatchObject({ promoted: false, reason: 'vetoed', test: 'exact' });
    expect(decision.veto?.pValue).toBe(0.125);
  });

  it('refuses a candidate with the incumbent’s hash before any statistics', () => {
    const decision = decidePromotion({
      ...arms('0000000', '1111111'),
      seed: 1,
      incumbentHash: 'abc',
      candidateHash: 'abc',
    });
    expect(decision).toMatchObject({ promoted: false, reason: 'identical-champion', test: 'none' });
  });

  it('refuses a candidate whose outcomes equal the incumbent’s everywhere, still bounding the lift', () => {
    const decision = decidePromotion({ ...arms('0110101', '0110101'), seed: 1 });
    expect(decision.reason).toBe('identical-champion');
    // No discordant pair in 7: Tango's interval ±z²/(7 + z²); scipy: z = norm.ppf(0.975); z**2/(7 + z**2) = 0.35433043506668743
    expect(decision.lift.high as number).toBeCloseTo(0.35433043506668743, 9);
    expect(decision.lift.low as number).toBeCloseTo(-0.35433043506668743, 9);
  });

  it('reports only the estimate for graded outcomes below the evidence floor', () => {
    const taskIds = ['t0', 't1', 't2', 't3'];
    const incumbent = { t0: 0.2, t1: 0.4, t2: 0.5, t3: 0.1 };
    const candidate = { t0: 0.6, t1: 0.5, t2: 0.9, t3: 0.3 };
    const decision = decidePromotion({ incumbent, candidate, taskIds, seed: 1 });
    expect(decision).toMatchObject({ promoted: false, reason: 'few-pairs', test: 'none' });
    expect(decision.lift.estimate as number).toBeCloseTo(0.275, 12);
    expect(decision.lift).toMatchObject({ low: null, high: null });
  });

  it('raises the resamples to what the expanded level needs at the evidence floor', () => {
    // 6 graded pairs at 95% read the bootstrap at expandedConfidence(0.95, 6) ≈ 0.9951, which needs 411 resamples.
    const taskIds = Array.from({ length: 6 }, (_, i) => `t${i}`);
    const incumbent = Object.fromEntries(taskIds.map((id, i) => [id, 0.1 * i]));
    const candidate = Object.fromEntries(taskIds.map((id, i) => [id, 0.1 * i + 0.05 * (i % 3)]));
    const decision = decidePromotion({ incumbent, candidate, taskIds, seed: 1, resamples: 100 });
    expect(decision.test).toBe('bootstrap');
    expect(decision.lift.low as number).toBeLessThanOrEqual(decision.lift.estimate as number);
  });

  it('refuses below the evidence floor, and the floor never drops below the exact test’s', () => {
    const few = decidePromotion({ ...arms('00000', '11111'), seed: 1, minPairs: 2 });
    expect(few).toMatchObject({ promoted: false, reason: 'few-pairs', minPairs: 6 });
    expect(decidePromotion({ ...arms('0000000', '1111111'), seed: 1, minPairs: 10 }).reason).toBe('few-pairs');
  });

  it('refuses when the interval reaches the threshold', () => {
    // 3 wins in 12: Tango's lower bound −0.0531; 8 wins, 1 loss: lower bound 0.1029, below a 0.2 threshold.
    const decision = decidePromotion({ ...arms('000000000000', '111000000000'), seed: 1 });
    expect(decision.reason).toBe('no-margin');
    expect(decidePromotion({ ...arms('110000000000', '011111111100'), seed: 1, threshold: 0.2 }).reason).toBe(
      'no-margin',
    );
  });

  it('never promotes on a zero-width interval of graded scores', () => {
    const taskIds = Array.from({ length: 30 }, (_, i) => `t${i}`);
    const incumbent = Object.fromEntries(taskIds.map((id) => [id, 0.5]));
    const candidate = Object.fromEntries(taskIds.map((id) => [id, 0.6]));
    const decision = decidePromotion({ incumbent, candidate, taskIds, seed: 1, resamples: 500 });
    expect(decision).toMatchObject({ promoted: false, reason: 'no-margin', test: 'bootstrap' });
    expect(decision.explanation).toMatch(/zero width/);
  });

  it('lets McNemar veto a bootstrap interval it does not confirm', () => {
    // 30 tasks: 7 wins, 1 loss. The bootstrap lower bound is above 0; McNemar p = 2·P(X ≤ 1 | 8, ½) = 0.0703.
    const incumbent = `${'0'.repeat(7)}1${'0'.repeat(22)}`;
    const candidate = `${'1'.repeat(7)}0${'0'.repeat(22)}`;
    const decision = decidePromotion({ ...arms(incumbent, candidate), seed: 2 });
    expect(decision.test).toBe('bootstrap');
    expect(decision.veto?.pValue).toBeCloseTo(0.0703125, 12);
    expect(decision.lift.low as number).toBeGreaterThan(0);
    expect(decision).toMatchObject({ promoted: false, reason: 'vetoed' });
  });

  it('makes a candidate that failed to run lose those tasks, and excludes incumbent failures', () => {
    const { taskIds, incumbent, candidate } = arms('0000000000', '1111111111');
    const decision = decidePromotion({
      taskIds,
      incumbent: { ...incumbent, 'task-0': null },
      candidate: { ...candidate, 'task-1': null, 'task-2': null },
      seed: 1,
    });
    expect(decision.excluded).toEqual(['task-0']);
    expect(decision.candidateFailures).toEqual(['task-1', 'task-2']);
    expect(decision.n).toBe(9);
    expect(decision.veto).toMatchObject({ wins: 7, losses: 0 });
  });

  it('is reproducible from its seed', () => {
    const taskIds = Array.from({ length: 40 }, (_, i) => `t${i}`);
    const incumbent = Object.fromEntries(taskIds.map((id, i) => [id, (i % 7) / 7]));
    const candidate = Object.fromEntries(taskIds.map((id, i) => [id, ((i * 3) % 7) / 7 + 0.05]));
    const first = decidePromotion({ incumbent, candidate, taskIds, seed: 'gate-1', resamples: 2000 });
    expect(decidePromotion({ incumbent, candidate, taskIds, seed: 'gate-1', resamples: 2000 })).toEqual(first);
  });

  it('refuses inputs that do not pair instead of dropping them', () => {
    const { taskIds, incumbent, candidate } = arms('0000000', '1111111');
    expect(() => decidePromotion({ taskIds: [...taskIds, 'task-0'], incumbent, candidate, seed: 1 })).toThrow(
      UnpairedDataError,
    );
    expect(() => decidePromotion({ taskIds, incumbent, candidate: { ...candidate, extra: 1 }, seed: 1 })).toThrow(
      /candidate has an outcome for a task not in taskIds \(task "extra"\)/,
    );
    const { 'task-3': _removed, ...missing } = candidate;
    expect(() => decidePromotion({ taskIds, incumbent, candidate: missing, seed: 1 })).toThrow(
      /candidate has no entry for a listed task \(use null for a failed run\) \(task "task-3"\)/,
    );
    expect(() =>
      decidePromotion({ taskIds, incumbent: { ...incumbent, 'task-2': Number.NaN }, candidate, seed: 1 }),
    ).toThrow(/incumbent outcome must be a finite number or null, received NaN/);
    expect(() => decidePromotion({ taskIds: [], incumbent: {}, candidate: {}, seed: 1 })).toThrow(/taskIds is empty/);
    expect(() => decidePromotion({ taskIds, incumbent, candidate, seed: 1, failureScore: Number.NaN })).toThrow(
      /failureScore must be finite/,
    );
  });

  it('accepts Maps as well as records', () => {
    const { taskIds, incumbent, candidate } = arms('110000000000', '011111111100');
    const decision = decidePromotion({
      taskIds,
      incumbent: new Map(Object.entries(incumbent)),
      candidate: new Map(Object.entries(candidate)),
      seed: 1,
    });
    expect(decision.promoted).toBe(true);
  });
});
