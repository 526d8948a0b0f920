import { unmeasuredUsage } from '@ratchet/corpus';
import type { CertifiedExample } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { satController } from './sat-controller';
import { satMiner, satMinerSettingsSchema } from './sat-miner';

const small = { variables: 50, clauses: Array(210).fill([1, 2, 3]) };
const hot = { text: 'hot', parameters: { noise: 0.6 } };

function certified(
  taskId: string,
  flips: number,
  steer: CertifiedExample['steer'],
  continued = false,
): CertifiedExample {
  return {
    benchmark: 'sat',
    runId: 'run-1',
    taskId,
    split: 'train',
    recordId: `${taskId}/${flips}`,
    attempt: continued ? 1 : 0,
    continued,
    createdAt: '2026-01-01T00:00:00.000Z',
    input: small,
    steer,
    output: 'assignment',
    usage: { ...unmeasuredUsage, workUnits: flips },
    recency: 1,
  };
}

describe('satMiner', () => {
  it('picks per class the settings that needed fewer flips, counting fresh attempts only', () => {
    const examples = [
      ...['t1', 't2', 't3'].map((task) => certified(task, 900, null)),
      ...['t1', 't2', 't3'].map((task) => certified(task, 300, hot)),
      // A continued attempt's flips leave out the search before it: not evidence of fast settings.
      ...['t1', 't2', 't3'].map((task) => certified(task, 5, null, true)),
    ];
    const mined = satMiner.mine(examples, satMinerSettingsSchema.parse({}));
    const classSettings = mined.parameters.classSettings as Record<string, { noise: number }>;
    expect(Object.values(classSettings).map((settings) => settings.noise)).toEqual([0.6]);
    expect(mined.summary).toMatchObject({ attempts: 6, classes: 1 });
    // What it mines is a parameter of the sat controller, and another controller identity.
    const controller = satController.withParameters({ ...satController.parameters, ...mined.parameters });
    expect(controller.hash).not.toBe(satController.hash);
  });

  it('mines nothing below the minimum support', () => {
    const examples = ['t1', 't2'].map((task) => certified(task, 300, hot));
    expect(satMiner.mine(examples, satMinerSettingsSchema.parse({})).parameters).toEqual({ classSettings: {} });
  });
});
