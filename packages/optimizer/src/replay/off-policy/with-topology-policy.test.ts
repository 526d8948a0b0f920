import { unmeasuredUsage } from '@ratchet/corpus';
import { simController } from '@ratchet/environments';
import { type AttemptView, defineController } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OffPolicyError } from './off-policy-error';
import { topologyDecision } from './topology-decision';
import { alwaysFanout, alwaysRefine, fanoutWith, restartAfter } from './topology-policy';
import { withTopologyPolicy } from './with-topology-policy';

/** A history of `n` attempts of one cell, the i-th continued from the one before when `continued[i]`. */
function history(cell: string, n: number, continued: readonly boolean[] = []): AttemptView[] {
  return Array.from({ length: n }, (_, index) => ({
    attemptId: `${cell}/t0/a${index}`,
    index,
    steer: null,
    from: continued[index] ? `${cell}/t0/a${index - 1}` : null,
    output: null,
    events: [],
    checks: [],
    usage: unmeasuredUsage,
    failure: null,
    continuable: true,
  }));
}

describe('withTopologyPolicy', () => {
  const base = simController('logged');

  it('draws the same action for the same attempt however often it is asked, and fans out about p of the time', () => {
    const controller = withTopologyPolicy(base, fanoutWith(0.3));
    let fanouts = 0;
    for (let cell = 0; cell < 4000; cell++) {
      const seen = history(`run/arm/task-${cell}/r0`, 1);
      const first = controller.topology(seen);
      expect(controller.topology(seen)).toBe(first);
      if (first === 'fanout') fanouts++;
    }
    // Binomial standard error at n = 4000, p = 0.3: 0.0072; within 4 of them.
    expect(Math.abs(fanouts / 4000 - 0.3)).toBeLessThan(0.029);
  });

  it('draws from the policy id and the attempt id alone, so a replay can draw it again', () => {
    const seen = history('run/arm/task-1/r0', 2, [false, true]);
    const decision = topologyDecision(fanoutWith(0.5), seen);
    expect(withTopologyPolicy(base, fanoutWith(0.5)).topology(seen)).toBe(decision.action);
    expect(decision).toEqual(
      topologyDecision(
        fanoutWith(0.5),
        seen.map((view) => ({ ...view, events: [] })),
      ),
    );
    expect(decision.draw).not.toBe(topologyDecision(fanoutWith(0.5), history('run/arm/task-2/r0', 2)).draw);
  });

  it('names the policy in the controller id and hash, and keeps the steer, the stop and the parameters', () => {
    const logged = withTopologyPolicy(base, fanoutWith(0.5));
    expect(logged.id).toBe('sim-logged+fanout-p0.5');
    expect(logged.hash).not.toBe(base.hash);
    expect(logged.hash).not.toBe(withTopologyPolicy(base, fanoutWith(0.4)).hash);
    expect(logged.parameters).toEqual(base.parameters);
    expect(logged.steer([], history('c', 1))).toEqual(base.steer([], history('c', 1)));
    expect(logged.withParameters(base.parameters).id).toBe('sim-logged+fanout-p0.5');
  });

  it('follows deterministic policies, and still stops where the controller says stop', () => {
    expect(withTopologyPolicy(base, alwaysRefine).topology(history('c', 2))).toBe('refine');
    expect(withTopologyPolicy(base, alwaysFanout).topology(history('c', 2))).toBe('fanout');
    const chained = withTopologyPolicy(base, restartAfter(2));
    expect(chained.topology(history('c', 2, [false, true]))).toBe('refine');
    expect(chained.topology(history('c', 3, [false, true, true]))).toBe('fanout');
    const stopper = defineController({
      id: 'stopper',
      schema: z.strictObject({}),
      parameters: {},
      steer: () => ({ text: '' }),
      topology: () => 'stop',
    });
    expect(withTopologyPolicy(stopper, alwaysFanout).topology(history('c', 1))).toBe('stop');
  });

  it('refuses a probability outside [0, 1], from a constructor or from a policy', () => {
    expect(() => fanoutWith(1.5)).toThrow(OffPolicyError);
    expect(() => restartAfter(0)).toThrow(OffPolicyError);
    const broken = { id: 'broken', fanout: () => Number.NaN };
    expect(() => withTopologyPolicy(base, broken).topology(history('c', 1))).toThrow(/P\(fanout\) = NaN/);
  });
});
