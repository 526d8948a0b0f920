import { buildRun, ratchetConfigSchema } from '@ratchet/config';
import { describe, expect, it } from 'vitest';
import { planRun, runIdOf } from './run-plan';

const config = (extra: Record<string, unknown> = {}) =>
  ratchetConfigSchema.parse({
    environment: { kind: 'sim', count: 6 },
    arms: [{ strategy: 'blind' }, { strategy: 'random', k: 3 }, { strategy: 'refine', k: 3 }],
    ...extra,
  });

describe('the run plan', () => {
  it('counts cells and the most attempts, and names the pre-registered contrast', async () => {
    const cfg = config({ replicates: 2 });
    const built = buildRun(cfg);
    const tasks = await built.environment.tasks('train');
    const plan = planRun(cfg, { benchmark: 'sim', tasks, arms: built.arms });
    expect(tasks).toHaveLength(6);
    expect(plan.cells).toBe(6 * 3 * 2);
    expect(plan.maxAttempts).toBe(6 * 2 * (1 + 3 + 3));
    expect(plan.primaryContrast).toEqual({ name: 'steering', baseline: 'random@3', candidate: 'refine@3' });
    expect(plan.arms.map((arm) => arm.controller)).toEqual(['sim-blind', 'sim-random@3', 'sim-refine@3']);
    await built.close();
  });

  it('keeps the run id when only how it runs changes, so a re-run resumes', () => {
    const id = runIdOf(config(), 'sim (calibration simulator — not a benchmark)');
    expect(id).toMatch(/^sim-[0-9a-f]{10}$/);
    expect(runIdOf(config({ concurrency: 16, retries: 0, store: 'sqlite:x.db' }), 'sim')).toBe(id);
    expect(runIdOf({ ...config(), maxCost: 2 }, 'sim')).toBe(id);
    expect(runIdOf(config({ seed: 9 }), 'sim')).not.toBe(id);
    expect(runIdOf(config({ seed: '9' }), 'sim')).toBe(runIdOf(config({ seed: 9 }), 'sim'));
    expect(runIdOf(config({ replicates: 3 }), 'sim')).not.toBe(id);
    expect(runIdOf(config({ runId: 'mine' }), 'sim')).toBe('mine');
  });
});
