import { describe, expect, it } from 'vitest';
import { bettingConfidenceSequence } from './betting-confidence-sequence';
import { decidePromotion } from './decide-promotion';
import { UnpairedDataError } from './unpaired-data-error';

/** Per-task outcomes from two strings of 0/1 characters, in the committed order. */
function arms(incumbent: string, candidate: string) {
  const taskIds = [...incumbent].map((_, i) => `task-${i}`);
  const toOutcomes = (text: string) => Object.fromEntries(taskIds.map((id, i) => [id, Number(text[i])]));
  return { taskIds, incumbent: toOutcomes(incumbent), candidate: toOutcomes(candidate) };
}

const sequential = { maxItems: 200, minEffect: 0.1 };

describe('decidePromotion, sequential', () => {
  it('promotes at the first item where the e-value reaches 1/α, and spends no more', () => {
    // k straight wins give the mixture e-value (2^(k+1) − 1)/(k + 1): 31.9 after 7, 56.8 after 8, the first ≥ 40.
    const decision = decidePromotion({
      ...arms('0'.repeat(30), `${'1'.repeat(11)}${'0'.repeat(19)}`),
      seed: 1,
      sequential,
    });
    expect(decision).toMatchObject({ promoted: true, reason: 'promoted', test: 'e-process', n: 8, veto: null });
    expect(decision.sequential).toMatchObject({ itemsSpent: 8, stoppedBy: 'evidence', eProcess: 'discordant-mixture' });
    expect(decision.sequential?.barrier).toBeCloseTo(40, 10); // 1/α, α = (1 − 0.95)/2
    expect(decision.sequential?.eValues).toHaveLength(8);
    expect(decision.sequential?.eValues[0]).toBeCloseTo(3 / 2, 12);
    expect(decision.sequential?.eValues[6]).toBeCloseTo(255 / 8, 10);
    expect(decision.sequential?.eValues.at(-1)).toBeCloseTo(511 / 9, 10);
    expect(decision.pValue).toBeCloseTo(9 / 511, 12);
    // The cross-check, the plug-in bettor, is lower on so short a run: bets 0, 1/3, then ½ on each win,
    // (4/3)·1.5^6 = 15.19 after 8 wins.
    expect(decision.sequential?.plugInEValue).toBeCloseTo((4 / 3) * 1.5 ** 6, 10);
  });

  it('reports the betting confidence sequence for the lift at the stop', () => {
    const decision = decidePromotion({ ...arms('0'.repeat(11), '1'.repeat(11)), seed: 1, sequential });
    // Stopped after 8 wins: the interval is the betting confidence sequence over those 8 differences, mapped back.
    const interval = bettingConfidenceSequence(Array(8).fill(1), 0.95);
    expect(decision.n).toBe(8);
    expect(decision.lift.estimate).toBe(1);
    expect(decision.lift.low).toBeCloseTo(2 * interval.low - 1, 12);
    expect(decision.lift.low as number).toBeLessThan(0.5);
    expect(decision.lift.high).toBeCloseTo(1, 9);
  });

  it('decides the same on the prefix it stopped at as on every item evaluated after it', () => {
    const incumbent = '0010000100000000100000000000';
    const candidate = '1101111011111111011111111111';
    const all = decidePromotion({ ...arms(incumbent, candidate), seed: 1, sequential });
    const spent = all.sequential?.itemsSpent as number;
    expect(all.sequential?.stoppedBy).toBe('evidence');
    const prefix = decidePromotion({
      ...arms(incumbent.slice(0, spent), candidate.slice(0, spent)),
      seed: 1,
      sequential,
    });
    expect(prefix).toEqual(all);
  });

  it('asks for more items when no rule fired and the cap is not reached', () => {
    const decision = decidePromotion({ ...arms('0101010101', '1100110011'), seed: 1, sequential });
    expect(decision).toMatchObject({ promoted: false, reason: 'undecided', n: 10 });
    expect(decision.sequential).toMatchObject({ itemsSpent: 10, stoppedBy: null });
    expect(decision.explanation).toMatch(/evaluate the next items/);
  });

  it('stops at the cap without promoting when the e-value falls short', () => {
    const decision = decidePromotion({
      ...arms('0101010101', '1100110011'),
      seed: 1,
      sequential: { maxItems: 10, minEffect: 0.1 },
    });
    expect(decision).toMatchObject({ promoted: false, reason: 'no-margin' });
    expect(decision.sequential).toMatchObject({ itemsSpent: 10, stoppedBy: 'cap' });
    expect(decision.explanation).toMatch(/fell short by the cap of 10 items/);
  });

  it('reads only the items up to the cap, in the committed order', () => {
    const decision = decidePromotion({
      ...arms('0'.repeat(30), `${'0'.repeat(8)}${'1'.repeat(22)}`),
      seed: 1,
      sequential: { maxItems: 8, minEffect: 0.1 },
    });
    expect(decision).toMatchObject({ reason: 'identical-champion', n: 8 });
    expect(decision.sequential?.stoppedBy).toBe('cap');
  });

  it('stops for futility once the upper bound on the lift is below threshold + minEffect', () => {
    // A candidate that fails every other task the incumbent passes: the lift is −0.5.
    const incumbent = '1'.repeat(400);
    const candidate = '10'.repeat(200);
    const decision = decidePromotion({
      ...arms(incumbent, candidate),
      seed: 1,
      sequential: { maxItems: 400, minEffect: 0.1 },
    });
    expect(decision).toMatchObject({ promoted: false, reason: 'futile' });
    expect(decision.sequential?.stoppedBy).toBe('futility');
    expect(decision.sequential?.itemsSpent as number).toBeLessThan(400);
    expect(decision.lift.high as number).toBeLessThan(0.1);
  });

  it('counts excluded items and the candidate’s failed runs as spent, in order', () => {
    const { taskIds, incumbent, candidate } = arms('0'.repeat(14), '1'.repeat(14));
    const decision = decidePromotion({
      taskIds,
      incumbent: { ...incumbent, 'task-1': null },
      candidate: { ...candidate, 'task-3': null, 'task-13': null },
      seed: 1,
      sequential,
    });
    // Pairs: task-0, 2, 3, 4, … (task-1 excluded; task-3 a failed run, 0 − 0 = 0, a tie). The eighth win,
    // the first mixture e-value ≥ 40, is task-9: ten items spent.
    expect(decision.sequential).toMatchObject({ stoppedBy: 'evidence', itemsSpent: 10 });
    expect(decision.excluded).toEqual(['task-1']);
    expect(decision.candidateFailures).toEqual(['task-3']);
  });

  it('bets on the mean difference of graded scores with the hedged-capital wealth', () => {
    const taskIds = Array.from({ length: 60 }, (_, i) => `t${i}`);
    const incumbent = Object.fromEntries(taskIds.map((id, i) => [id, 0.3 + 0.1 * (i % 3)]));
    const candidate = Object.fromEntries(taskIds.map((id, i) => [id, 0.7 + 0.1 * (i % 3)]));
    const decision = decidePromotion({ incumbent, candidate, taskIds, seed: 1, sequential });
    expect(decision).toMatchObject({ promoted: true, test: 'e-process' });
    expect(decision.sequential).toMatchObject({
      eProcess: 'hedged-capital',
      stoppedBy: 'evidence',
      plugInEValue: null,
    });
    expect(decision.lift.estimate).toBeCloseTo(0.4, 12);
    expect(decision.lift.low as number).toBeGreaterThan(0);
  });

  it('tests a threshold other than 0 with the hedged-capital wealth at that threshold', () => {
    // 11 straight wins clear 0 but not a 0.6 threshold so soon.
    const input = { ...arms('0'.repeat(11), '1'.repeat(11)), seed: 1 };
    const decision = decidePromotion({ ...input, threshold: 0.6, sequential });
    expect(decision.sequential?.eProcess).toBe('hedged-capital');
    expect(decision).toMatchObject({ promoted: false, reason: 'undecided' });
  });

  it('keeps the refusals: the incumbent’s hash, and outcomes that do not pair', () => {
    const input = { ...arms('0000000', '1111111'), seed: 1, sequential };
    expect(decidePromotion({ ...input, incumbentHash: 'a', candidateHash: 'a' })).toMatchObject({
      reason: 'identical-champion',
      test: 'none',
    });
    expect(() => decidePromotion({ ...input, taskIds: [...input.taskIds, 'task-0'] })).toThrow(UnpairedDataError);
  });

  it('refuses settings it cannot honour', () => {
    const input = { ...arms('0000000', '1111111'), seed: 1 };
    expect(() => decidePromotion({ ...input, sequential: { maxItems: 0, minEffect: 0.1 } })).toThrow(
      /sequential.maxItems must be an integer ≥ 1/,
    );
    expect(() => decidePromotion({ ...input, sequential: { maxItems: 10, minEffect: 0 } })).toThrow(
      /sequential.minEffect must be > 0/,
    );
    expect(() => decidePromotion({ ...input, threshold: 0.95, sequential: { maxItems: 10, minEffect: 0.1 } })).toThrow(
      /threshold \+ minEffect ≤ 1/,
    );
    const graded = { ...input, candidate: { ...input.candidate, 'task-0': 0.5 } };
    expect(() => decidePromotion({ ...graded, sequential: { ...sequential, outcomes: 'pass-fail' } })).toThrow(
      /is 'pass-fail', but an outcome is neither 0 nor 1/,
    );
    const outOfRange = { ...input, candidate: { ...input.candidate, 'task-0': 3 } };
    expect(() => decidePromotion({ ...outOfRange, sequential })).toThrow(/must be in \[0, 1\] for the sequential gate/);
  });
});
