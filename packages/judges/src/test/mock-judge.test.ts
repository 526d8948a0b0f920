import { describe, expect, it } from 'vitest';
import { MockJudge } from './mock-judge';

const task = { id: 't1', input: 'q' };

describe('MockJudge', () => {
  it('resolves by default and records its calls', async () => {
    const judge = new MockJudge();
    const verdict = await judge.judge(task, 'out', { now: () => new Date(0) });
    expect(verdict).toEqual({
      judge: { id: 'mock' },
      resolved: true,
      scores: { correct: { value: 1, direction: 'maximize' } },
      judgedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(judge.calls).toEqual([{ task, output: 'out', context: { now: expect.any(Function) } }]);
  });

  it('answers one judgment per call and repeats the last', async () => {
    const judge = new MockJudge({ id: 'seq', version: '3', judgments: [{ resolved: false }, { resolved: true }] });
    const resolved = [];
    for (let i = 0; i < 3; i++) resolved.push((await judge.judge(task, i)).resolved);
    expect(resolved).toEqual([false, true, true]);
    expect((await judge.judge(task, 0)).judge).toEqual({ id: 'seq', version: '3' });
  });

  it('answers from a function of the call, with custom scores and details', async () => {
    const judge = new MockJudge({
      judgments: (_task, output) => ({
        resolved: output === 'right',
        scores: { quality: { value: output === 'right' ? 0.9 : 0.1, direction: 'maximize' } },
        details: { seen: String(output) },
      }),
    });
    expect(await judge.judge(task, 'wrong')).toMatchObject({
      resolved: false,
      scores: { quality: { value: 0.1 } },
      details: { seen: 'wrong' },
    });
  });

  it('propagates an error thrown by the function, to simulate infra failures', async () => {
    const judge = new MockJudge({
      judgments: () => {
        throw new Error('sandbox crashed');
      },
    });
    await expect(judge.judge(task, 'x')).rejects.toThrow('sandbox crashed');
  });
});
