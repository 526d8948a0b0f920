import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from './invalid-options-error';
import type { JudgeTask } from './judge';
import { llmJudge } from './llm-judge';
import { measureJudgeStability } from './measure-judge-stability';

const samples = Array.from({ length: 20 }, (_, i) => ({
  task: { id: `task-${i}`, input: `question ${i}` } as JudgeTask,
  output: `answer ${i}`,
}));

describe('measureJudgeStability', () => {
  it('reports full agreement and zero spread for a deterministic judge', async () => {
    const judge = llmJudge({
      id: 'steady',
      score: async (task) => {
        const n = Number(task.id.split('-')[1]);
        return { score: n / 20, resolved: n % 2 === 0, rationale: 'fixed' };
      },
    });
    const report = await measureJudgeStability(judge, samples, { repeats: 4 });
    expect(report).toMatchObject({ judgeId: 'steady', repeats: 4, threshold: 0.9, agreement: 1, unstable: false });
    expect(report.scoreSpread).toEqual({ score: { mean: 0, max: 0 } });
    expect(report.items[3]).toEqual({
      taskId: 'task-3',
      resolved: [false, false, false, false],
      agrees: true,
      scoreSpread: { score: 0 },
    });
  });

  it('flags a flaky judge as unstable, reproducibly under a seed', async () => {
    // The flaky judge resolves items 0–9 for sure; items 10–19 flip a fair coin on every call.
    const flakyJudge = () => {
      const rng = createRng('flaky-judge');
      return llmJudge({
        id: 'flaky',
        score: async (task) => {
          const n = Number(task.id.split('-')[1]);
          const draw = rng.next();
          return n < 10
            ? { score: 1, resolved: true, rationale: 'sure' }
            : { score: draw, resolved: draw < 0.5, rationale: 'coin' };
        },
      });
    };
    const first = await measureJudgeStability(flakyJudge(), samples, { repeats: 5, threshold: 0.9 });
    const again = await measureJudgeStability(flakyJudge(), samples, { repeats: 5, threshold: 0.9 });
    expect(again).toEqual(first);
    expect(first.unstable).toBe(true);
    // The sure half always agrees; a fair coin agrees 5 times out of 5 with probability 1/16.
    expect(first.items.slice(0, 10).every((item) => item.agrees)).toBe(true);
    // Seed 'flaky-judge': one coin item of ten agreed by chance (1/16 each), so 11 of 20 agree.
    expect(first.agreement).toBe(0.55);
    expect(first.scoreSpread.score?.max).toBeCloseTo(0.8734965131569463, 12);
    const coinSpreads = first.items.slice(10).map((item) => item.scoreSpread.score as number);
    expect(first.scoreSpread.score?.mean).toBeCloseTo(coinSpreads.reduce((a, b) => a + b, 0) / 20, 12);
  });

  it('calls the judge repeats × samples times, in order', async () => {
    const seen: string[] = [];
    const judge = llmJudge({
      score: async (task) => {
        seen.push(task.id);
        return { score: 1, resolved: true, rationale: 'ok' };
      },
    });
    await measureJudgeStability(judge, samples.slice(0, 2), { repeats: 3 });
    expect(seen).toEqual(['task-0', 'task-0', 'task-0', 'task-1', 'task-1', 'task-1']);
  });

  it('leaves nulls out of the spread and reports null when nothing was measured', async () => {
    let call = 0;
    const judge = {
      id: 'partial',
      judge: async () => ({
        judge: { id: 'partial' },
        resolved: true,
        scores: {
          usd: { value: call++ === 0 ? null : 0.5, direction: 'minimize' as const },
          wallMs: { value: null, direction: 'minimize' as const },
        },
        judgedAt: new Date(0).toISOString(),
      }),
    };
    const report = await measureJudgeStability(judge, samples.slice(0, 1), { repeats: 3 });
    expect(report.items[0]?.scoreSpread).toEqual({ usd: 0, wallMs: null });
    expect(report.scoreSpread.wallMs).toEqual({ mean: null, max: null });
  });

  it('refuses no samples, fewer than 2 repeats and a threshold outside [0, 1]', async () => {
    const judge = llmJudge({ score: async () => ({ score: 1, resolved: true, rationale: 'ok' }) });
    await expect(measureJudgeStability(judge, [])).rejects.toThrow(/samples: must hold at least one sample/);
    await expect(measureJudgeStability(judge, samples, { repeats: 1 })).rejects.toThrow(InvalidOptionsError);
    await expect(measureJudgeStability(judge, samples, { threshold: 2 })).rejects.toThrow(/threshold/);
  });
});
