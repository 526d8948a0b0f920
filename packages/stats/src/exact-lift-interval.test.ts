import { describe, expect, it } from 'vitest';
import { exactLiftInterval } from './exact-lift-interval';
import { mcnemarExact } from './mcnemar-exact';

describe('exactLiftInterval', () => {
  it('scales the Clopper–Pearson interval of the win share by the discordant fraction', () => {
    // scipy: binomtest(9, 10).proportion_ci(method='exact') = (0.5549839, 0.9974714); scale 10/12
    const interval = exactLiftInterval(1, 9, 12);
    expect(interval.estimate).toBeCloseTo(8 / 12, 14);
    expect(interval.low).toBeCloseTo((10 / 12) * (2 * 0.5549839 - 1), 6);
    expect(interval.high).toBeCloseTo((10 / 12) * (2 * 0.9974714 - 1), 6);
  });

  it('excludes zero exactly when McNemar rejects in the candidate’s favour', () => {
    for (let wins = 0; wins <= 25; wins++) {
      for (let losses = 0; losses <= 25; losses++) {
        const interval = exactLiftInterval(losses, wins, 60);
        const rejects = mcnemarExact(losses, wins).pValue < 0.05 && wins > losses;
        expect(interval.low > 0).toBe(rejects);
      }
    }
  });

  it('refuses more discordant pairs than pairs', () => {
    expect(() => exactLiftInterval(3, 4, 5)).toThrow(/n must be at least losses \+ wins \(7\), received 5/);
  });
});
