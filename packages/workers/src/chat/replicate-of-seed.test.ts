import { describe, expect, it } from 'vitest';
import { replicateOfSeed } from './replicate-of-seed';

describe('replicateOfSeed', () => {
  it('reads the replicate from the runtime’s attempt seed path', () => {
    expect(replicateOfSeed('42/refine/task-7/3/a0')).toBe(3);
    expect(replicateOfSeed('0/random/gsm8k/12/0/a11')).toBe(0);
    expect(replicateOfSeed('9/a1')).toBe(9);
  });

  it('falls back to 0 for a seed of another shape', () => {
    expect(replicateOfSeed('seed-1')).toBe(0);
    expect(replicateOfSeed('42/arm/task/x/a0')).toBe(0);
  });
});
