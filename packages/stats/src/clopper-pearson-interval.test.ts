import { describe, expect, it } from 'vitest';
import { clopperPearsonInterval } from './clopper-pearson-interval';

// scipy 1.17: binomtest(k, n).proportion_ci(confidence_level, method='exact') (= R binom.test()$conf.int)
const reference: Array<[number, number, number, number, number]> = [
  [7, 10, 0.95, 0.3475471499399921, 0.9332604888222655],
  [0, 10, 0.95, 0, 0.30849710781876294],
  [10, 10, 0.95, 0.6915028921812371, 1],
  [1, 30, 0.9, 0.0017083156444657394, 0.14859606865911362],
  [45, 50, 0.99, 0.7419502711835912, 0.9777821851924516],
  [150, 400, 0.95, 0.32738623872952005, 0.424478211338575],
];

describe('clopperPearsonInterval', () => {
  it.each(reference)('%i of %i at %d matches scipy', (k, n, confidence, low, high) => {
    const interval = clopperPearsonInterval(k, n, confidence);
    expect(interval.low).toBeCloseTo(low, 10);
    expect(interval.high).toBeCloseTo(high, 10);
  });

  it('is wider than the Wilson interval (it is conservative)', () => {
    const exact = clopperPearsonInterval(7, 10);
    expect(exact.high - exact.low).toBeGreaterThan(0.8922087 - 0.3967781);
  });
});
