import { type Controller, defaultController, defineController } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { candidateOf } from '../test';
import { mergeProposer } from './merge-proposer';

const base = defaultController.parameters;
const baseline = candidateOf(defaultController);
const edit = (patch: Record<string, string | number>): Controller =>
  defaultController.withParameters({ ...base, ...patch });
const fewer = candidateOf(edit({ maxFindings: 3 }), { parents: [baseline] });
const terse = candidateOf(edit({ preamble: 'Fix these:' }), { parents: [baseline] });

describe('mergeProposer', () => {
  it("takes each side's own edits and the ancestor's value where neither changed", () => {
    const result = mergeProposer().merge({
      ancestor: baseline,
      left: fewer,
      right: terse,
      scores: { left: 0.4, right: 0.6 },
    });
    expect(result).toEqual({
      kind: 'proposal',
      parameters: { closing: base.closing, maxFindings: 3, preamble: 'Fix these:' },
      note: 'merge: maxFindings from left; preamble from right',
      changed: ['preamble'],
    });
  });

  it('takes the higher val score where both changed a component, and the left on a tie', () => {
    const left = candidateOf(edit({ maxFindings: 3, closing: 'Go.' }), { parents: [baseline] });
    const right = candidateOf(edit({ maxFindings: 8, preamble: 'Fix these:' }), { parents: [baseline] });
    const merge = (scores: { left: number; right: number }) =>
      mergeProposer().merge({ ancestor: baseline, left, right, scores });
    expect(merge({ left: 0.5, right: 0.7 })).toMatchObject({
      parameters: { maxFindings: 8, closing: 'Go.', preamble: 'Fix these:' },
      note: 'merge: closing from left; maxFindings, preamble from right; both changed maxFindings: took right (val 0.5 vs 0.7)',
      changed: ['maxFindings', 'preamble'],
    });
    expect(merge({ left: 0.7, right: 0.7 })).toMatchObject({ parameters: { maxFindings: 3 }, changed: ['preamble'] });
  });

  it('is invalid when the merge equals a parent: nothing to combine', () => {
    expect(
      mergeProposer().merge({ ancestor: baseline, left: fewer, right: baseline, scores: { left: 0, right: 1 } }),
    ).toEqual({
      kind: 'invalid',
      reason: 'nothing to combine: the merge equals the left candidate',
    });
    const more = candidateOf(edit({ maxFindings: 9 }), { parents: [baseline] });
    expect(
      mergeProposer().merge({ ancestor: baseline, left: fewer, right: more, scores: { left: 0, right: 1 } }),
    ).toMatchObject({
      reason: 'nothing to combine: the merge equals the right candidate',
    });
  });

  it('is invalid when the merged parameters fail the schema, naming the field', () => {
    const schema = z.strictObject({ low: z.number(), high: z.number() }).refine((p) => p.low < p.high, {
      message: 'low must stay below high',
      path: ['high'],
    });
    const pair = (parameters: { low: number; high: number }) =>
      defineController({ id: 'pair', schema, parameters, steer: () => ({ text: '' }) });
    const ancestor = candidateOf(pair({ low: 2, high: 3 }));
    const left = candidateOf(pair({ low: 5, high: 6 }), { parents: [ancestor] });
    const right = candidateOf(pair({ low: 2, high: 2.5 }), { parents: [ancestor] });
    expect(mergeProposer().merge({ ancestor, left, right, scores: { left: 0.1, right: 0.9 } })).toEqual({
      kind: 'invalid',
      reason: 'the merged parameters fail the schema: high: low must stay below high',
    });
  });

  it('refuses to merge two different controllers', () => {
    const other = candidateOf(
      defineController({
        id: 'other',
        schema: defaultController.schema,
        parameters: base,
        steer: () => ({ text: '' }),
      }),
    );
    expect(
      mergeProposer().merge({ ancestor: baseline, left: fewer, right: other, scores: { left: 0, right: 0 } }),
    ).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/^left and right are different controllers \("default", "other"\)/),
    });
  });
});
