import { describe, expect, it } from 'vitest';
import { mineSatSettings } from './mine-sat-settings';
import { rankSatSettings, type SatSettingsExample } from './rank-sat-settings';
import { SatOptionsError } from './sat-options-error';

const small = { variables: 50, clauses: Array(210).fill([1, 2, 3]) };
const large = { variables: 130, clauses: Array(546).fill([1, 2, 3]) };
// A: the worker's defaults (no steer); B: cooler and weighted; C: hotter, with restarts.
const steers = {
  A: null,
  B: { text: 'b', parameters: { noise: 0.4, weighting: 'additive' } },
  C: { text: 'c', parameters: { noise: 0.6, restartEvery: 1000, focus: 'oldest' } },
} as const;

function example(
  settings: keyof typeof steers,
  taskId: string,
  workUnits: number | null,
  input: unknown = small,
  createdAt = '2025-01-01T00:00:00Z',
): SatSettingsExample {
  return { taskId, input, steer: steers[settings], workUnits, createdAt };
}

// Small class, 4 tasks. A solves all: 100, 200, 300, 400 → median 250. C solves all: 50, (100 and 300 → 200),
// 250, 1000 → median 225. B solves s1 and s2 fast (10, 20) and nothing else → padded median is an
// unsolved task. A plain median over certified attempts would pick B (15): the rule does not.
const examples: SatSettingsExample[] = [
  example('A', 's1', 100),
  example('A', 's2', 200),
  example('A', 's3', 300),
  example('A', 's4', 400),
  example('C', 's1', 50),
  example('C', 's2', 100),
  example('C', 's2', 300),
  example('C', 's3', 250),
  example('C', 's4', 1000),
  example('B', 's1', 10),
  example('B', 's2', 20),
  // Large class: only B, on 2 tasks — below a support of 3, so the class gets no settings.
  example('B', 'l1', 900, large),
  example('B', 'l2', 800, large),
  // Skipped: not a formula, flips not measured, a steer the worker refuses.
  example('A', 'x', 5, { prompt: 'hi' }),
  example('A', 's1', null),
  {
    taskId: 's1',
    input: small,
    steer: { text: '', parameters: { noise: 2 } },
    workUnits: 1,
    createdAt: '2025-01-01T00:00:00Z',
  },
];

describe('mineSatSettings', () => {
  it('picks per class the settings with the lowest penalised median of flips, with enough support', () => {
    expect(mineSatSettings(examples, { minSupport: 3 })).toEqual({
      'small/threshold': { noise: 0.6, restartEvery: 1000, weighting: 'none' },
    });
    expect(mineSatSettings(examples, { minSupport: 2 })['large/threshold']).toEqual({
      noise: 0.4,
      restartEvery: null,
      weighting: 'additive',
    });
  });

  it('ranks with the evidence: median flips (null below half solved), support and the skipped examples', () => {
    const ranking = rankSatSettings(examples);
    expect(ranking.skipped).toBe(3);
    const smallClass = ranking.classes.find((one) => one.instanceClass === 'small/threshold');
    expect(smallClass?.tasks).toBe(4);
    expect(
      smallClass?.candidates.map(({ settings, solved, medianFlips }) => [settings.noise, solved, medianFlips]),
    ).toEqual([
      [0.6, 4, 225],
      [0.5, 4, 250],
      [0.4, 2, null],
    ]);
  });

  it('leaves out attempts recorded at or after the cut-off, and refuses a bad option', () => {
    const later = [
      ...examples,
      ...['s1', 's2', 's3', 's4'].map((id) => example('B', id, 1, small, '2025-06-01T00:00:00Z')),
    ];
    expect(mineSatSettings(later)['small/threshold']?.noise).toBe(0.4);
    expect(mineSatSettings(later, { until: '2025-06-01T00:00:00Z' })['small/threshold']?.noise).toBe(0.6);
    expect(() => mineSatSettings(examples, { minSupport: 0 })).toThrow(SatOptionsError);
    expect(() => mineSatSettings(examples, { until: 'yesterday' })).toThrow(/until/);
    expect(mineSatSettings([])).toEqual({});
  });
});
