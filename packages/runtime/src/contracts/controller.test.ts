import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineController } from './controller';
import { InvalidControllerError } from './invalid-controller-error';

const schema = z.strictObject({ maxFindings: z.number().int().min(1).max(20), tone: z.enum(['terse', 'warm']) });
const terse = defineController({
  id: 'terse',
  schema,
  parameters: { maxFindings: 3, tone: 'terse' },
  initial: (task, p) => (p.tone === 'warm' ? { text: `Welcome to ${task.id}` } : null),
  steer: (findings, _history, p) => ({
    text: findings
      .slice(0, p.maxFindings)
      .map((f) => f.claim)
      .join('\n'),
  }),
});

describe('defineController', () => {
  it('validates parameters against the schema, naming each field out of bounds', () => {
    expect(() => terse.withParameters({ maxFindings: 50, tone: 'terse' })).toThrow(InvalidControllerError);
    expect(() => terse.withParameters({ maxFindings: 50, tone: 'loud' })).toThrow(
      /controller "terse" has invalid parameters \(maxFindings: .*; tone: /,
    );
    expect(() => terse.withParameters({ maxFindings: 3, tone: 'terse', extra: 1 })).toThrow(InvalidControllerError);
  });

  it('gives the same policy with other parameters a new hash, and the same parameters the same hash', () => {
    const warm = terse.withParameters({ maxFindings: 3, tone: 'warm' });
    expect(warm.id).toBe('terse');
    expect(warm.hash).not.toBe(terse.hash);
    expect(terse.withParameters({ tone: 'terse', maxFindings: 3 }).hash).toBe(terse.hash);
    expect(terse.hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("lets a controller set a fresh attempt's steer (initial), none by default", () => {
    const task = { id: 'task-1', split: 'train' as const, input: null };
    expect(terse.initial(task)).toBeNull();
    expect(terse.withParameters({ maxFindings: 3, tone: 'warm' }).initial(task)).toEqual({ text: 'Welcome to task-1' });
  });

  it('exposes its parameter space so an optimizer can propose and validate', () => {
    expect(terse.schema.safeParse({ maxFindings: 7, tone: 'warm' }).success).toBe(true);
    expect(terse.schema.safeParse({ maxFindings: 0, tone: 'warm' }).success).toBe(false);
    expect(Object.isFrozen(terse)).toBe(true);
  });
});
