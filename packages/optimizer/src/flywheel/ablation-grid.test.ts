import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { type Family, random, refine } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { ablationGrid } from './ablation-grid';
import { flywheel } from './flywheel';
import type { FlywheelOptions } from './flywheel-options';

describe('ablationGrid', () => {
  it('runs refine × learned × meta on the last generation: six arms, the flywheel’s controllers, three marginal lifts with q', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const options: FlywheelOptions = {
      corpus,
      family: dslFamily as unknown as Family,
      options: { domain: 1, budget: 1500 },
      generations: 2,
      evaluationTasks: 8,
      plan: (controller) => refine(2, { controller }),
      learnerSettings: { minSupport: 2 },
      seed: 11,
      concurrency: 2,
      resamples: 999,
    };
    const result = await flywheel(options);
    const grid = await ablationGrid({
      ...options,
      result,
      offPlan: (controller) => random(2, { controller }),
      metaCandidates: 2,
      metaTasks: 6,
    });
    expect(grid.arms.map((arm) => arm.id)).toEqual([
      'refine/baseline',
      'refine/learned',
      'refine/meta',
      'off/baseline',
      'off/learned',
      'off/meta',
    ]);
    const hash = Object.fromEntries(grid.arms.map((arm) => [arm.id, arm.hash]));
    expect(hash['refine/baseline']).toBe(result.baseline);
    // The learned level is the flywheel's own last controller; meta changes only how it was learned.
    expect(hash['refine/learned']).toBe(result.generations[2]?.learned.hash);
    expect(hash['off/learned']).toBe(hash['refine/learned']);
    for (const arm of grid.arms) expect(arm.n).toBe(8);
    // Candidate 0 is the flywheel's own settings; two more drawn from the miner's meta space.
    expect(grid.meta.table).toHaveLength(3);
    expect(grid.meta.table[0]?.settings).toEqual({ minSupport: 2 });
    expect(grid.meta.table.map((c) => c.settings)).toContainEqual(grid.meta.settings);
    for (const factor of Object.values(grid.factors)) {
      expect(factor.low).toBeLessThanOrEqual(factor.estimate);
      expect(factor.high).toBeGreaterThanOrEqual(factor.estimate);
      expect(factor.q).toBeGreaterThanOrEqual(factor.p);
    }
    await expect(ablationGrid({ ...options, generations: 1, result, offPlan: options.plan })).rejects.toThrow(
      /needs generations ≥ 2/,
    );
  }, 120_000);
});
