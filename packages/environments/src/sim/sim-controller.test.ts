import { InvalidControllerError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { simController } from './sim-controller';

describe('simController (calibration simulator — not a benchmark)', () => {
  it('names its arm in every steer, with a hash per arm', () => {
    const treated = simController('treated');
    expect(treated.steer([], []).parameters).toEqual({ simArm: 'treated' });
    expect(treated.hash).not.toBe(simController('control').hash);
  });

  it('refuses an empty arm name', () => {
    expect(() => simController('')).toThrow(InvalidControllerError);
    expect(() => simController('')).toThrow(/arm: /);
  });
});
