import { describe, expect, it } from 'vitest';
import type { FlywheelGeneration } from './flywheel-generation';
import { flywheelVerdict } from './flywheel-verdict';

/** A generation of 60 tasks where the first `learned` tasks are solved by the learned arm and the first `frozen` by the frozen one. */
function generation(g: number, learned: number, frozen: number): FlywheelGeneration {
  const outcomes = Array.from({ length: 60 }, (_, i) => ({
    taskId: `t${g}-${i}`,
    learned: i < learned ? 1 : 0,
    frozen: i < frozen ? 1 : 0,
  }));
  const arm = {
    hash: 'h',
    solved: 0,
    n: 60,
    success: { estimate: 0, low: 0, high: 1, confidence: 0.95 },
    spend: { attempts: 1, workUnits: null },
  };
  return {
    generation: g,
    seed: `s-g${g}`,
    runId: `r-g${g}`,
    trainTasks: 90,
    evaluationTasks: 60,
    libraryId: g === 0 ? null : `lib-${g}`,
    learned: arm,
    frozen: arm,
    difference: { estimate: (learned - frozen) / 60, low: 0, high: 0, p: learned === frozen ? 1 : 0.001 },
    outcomes,
  };
}

describe('flywheelVerdict', () => {
  it('says the flywheel turned when the learned slope rises, the frozen one is flat, and the difference survives BH', () => {
    // Learned 30, 36, 42, 48 of 60: +0.1 a generation exactly; frozen 30 of 60 throughout.
    const verdict = flywheelVerdict(
      [0, 1, 2, 3].map((g) => generation(g, 30 + 6 * g, 30)),
      { seed: 1, resamples: 2_000 },
    );
    expect(verdict.slope.learned.estimate).toBeCloseTo(0.1, 12);
    expect(verdict.slope.frozen.estimate).toBe(0);
    expect(verdict.slope.difference.estimate).toBeCloseTo(0.1, 12);
    expect(verdict.turned).toBe(true);
    expect(verdict.sentence).toMatch(
      /^The flywheel turned: the learned controller's success rose 10\.0 points a generation/,
    );
    expect(verdict.generationQ[0]).toBeNull();
    expect(verdict.generationQ).toHaveLength(4);
  });

  it('says it did not turn, and why, when the learned arm is flat or both arms drift together', () => {
    const flat = flywheelVerdict(
      [0, 1, 2].map((g) => generation(g, 30, 30)),
      { seed: 1, resamples: 2_000 },
    );
    expect(flat.turned).toBe(false);
    expect(flat.sentence).toContain("the learned slope's interval is not above 0");
    const drift = flywheelVerdict(
      [0, 1, 2, 3].map((g) => generation(g, 20 + 8 * g, 20 + 8 * g)),
      { seed: 1, resamples: 2_000 },
    );
    expect(drift.turned).toBe(false);
    expect(drift.slope.difference.estimate).toBe(0);
    expect(drift.sentence).toContain("the frozen slope's interval excludes 0");
  });
});
