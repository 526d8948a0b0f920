import {
  dslController,
  dslControllerSchema,
  satController,
  satControllerSchema,
  simController,
} from '@ratchet/environments';
import { type Controller, defaultController, defineController } from '@ratchet/runtime';
import { createRng, type Rng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Candidate } from '../candidate';
import { candidateOf } from '../test';
import { parametricProposer } from './parametric-proposer';
import { noProposerUsage, type ProposalRequest } from './proposer';
import { ProposerOptionsError } from './proposer-options-error';

function request(
  parent: Candidate,
  component: string,
  random: Rng,
  rejected: ReadonlySet<string> = new Set(),
): ProposalRequest {
  return { parent, component, schema: parent.controller.schema, examples: [], rejected, random };
}

async function proposed(parent: Candidate, component: string, random: Rng) {
  const result = await parametricProposer().propose(request(parent, component, random));
  if (result.kind !== 'proposal') throw new Error(`expected a proposal, got: ${result.reason}`);
  return result;
}

/** A 1,000-step random walk, each step from the last proposal: bounds, nulls and empty maps get reached. */
async function walk(controller: Controller, seed: string) {
  const proposer = parametricProposer();
  const root = createRng(seed);
  let parent = candidateOf(controller);
  const components = proposer.components?.(parent) ?? [];
  const visited: Candidate[] = [];
  for (let i = 0; i < 1000; i++) {
    const component = components[i % components.length] as string;
    const result = await proposer.propose(request(parent, component, root.fork(`draw-${i}`)));
    if (result.kind !== 'proposal') throw new Error(`draw ${i} on ${component}: ${result.reason}`);
    expect(controller.schema.safeParse(result.parameters).success).toBe(true);
    const child = candidateOf(controller.withParameters(result.parameters), { parents: [parent] });
    expect(child.changed).toEqual([component]);
    expect(result.usage).toBe(noProposerUsage);
    visited.push(child);
    parent = child;
  }
  return visited;
}

describe('parametricProposer', () => {
  it('keeps 1,000 successive dsl proposals inside dslControllerSchema, reaching bounds, null and empty maps', async () => {
    const visited = await walk(dslController, 'dsl-walk');
    const parameters = visited.map((candidate) => dslControllerSchema.parse(candidate.controller.parameters));
    expect(dslControllerSchema.safeParse(visited.at(-1)?.controller.parameters).success).toBe(true);
    const caps = new Set(parameters.map((p) => p.maxDepthCap));
    expect(caps.has(1) && caps.has(8)).toBe(true);
    expect(parameters.some((p) => p.initialMaxDepth === null)).toBe(true);
    expect(parameters.some((p) => p.initialMaxDepth !== null)).toBe(true);
    expect(parameters.some((p) => Object.keys(p.initialPriors).length > 0)).toBe(true);
    expect(parameters.some((p) => Object.keys(p.stallBoosts).length === 0)).toBe(true);
    expect(new Set(parameters.map((p) => p.focus))).toEqual(new Set(['failing', 'none']));
  });

  it('keeps 1,000 successive sat proposals inside satControllerSchema', async () => {
    const visited = await walk(satController, 'sat-walk');
    const parameters = visited.map((candidate) => satControllerSchema.parse(candidate.controller.parameters));
    const restarts = parameters.map((p) => p.restartEvery).filter((r): r is number => r !== null);
    expect(restarts.length).toBeGreaterThan(0);
    expect(restarts.every((r) => Number.isInteger(r) && r >= 1 && r <= 100_000_000)).toBe(true);
    expect(parameters.every((p) => p.noise >= 0 && p.noise <= 1 && p.stuckNoiseStep <= 0.5)).toBe(true);
  });

  it('gives the same proposals for the same seed and different ones for another', async () => {
    const parent = candidateOf(dslController);
    const run = async (seed: string) =>
      Promise.all(
        ['maxPrior', 'featureBoosts', 'initialMaxDepth', 'focusWeight'].map((c) =>
          proposed(parent, c, createRng(seed).fork(c)),
        ),
      );
    const first = await run('same');
    expect(await run('same')).toEqual(first);
    expect((await run('other')).map((r) => r.parameters)).not.toEqual(first.map((r) => r.parameters));
  });

  it('lists only the components it can step: no text, no constants', () => {
    const proposer = parametricProposer();
    expect(proposer.components?.(candidateOf(defaultController))).toEqual(['maxFindings']);
    expect(proposer.components?.(candidateOf(simController('a')))).toEqual([]);
    expect(proposer.components?.(candidateOf(dslController))).toHaveLength(11);
  });

  it('refuses a text component, at no cost', async () => {
    const result = await parametricProposer().propose(
      request(candidateOf(defaultController), 'preamble', createRng(1)),
    );
    expect(result).toEqual({
      kind: 'invalid',
      reason: 'component "preamble" is text: a parametric step leaves text alone (a reflective proposer rewrites it)',
      usage: noProposerUsage,
    });
  });

  it('swaps an enum, flips a boolean and writes the change in the note', async () => {
    const parent = candidateOf(dslController);
    const focus = await proposed(parent, 'focus', createRng(1));
    expect(focus.parameters.focus).toBe('none');
    expect(focus.note).toBe('focus: "failing" → "none"');
    expect((await proposed(parent, 'stopOnVisiblePass', createRng(1))).parameters.stopOnVisiblePass).toBe(false);
  });

  it('sets a nullable value from null, and to null at about the null rate', async () => {
    const fromNull = await proposed(candidateOf(dslController), 'initialMaxDepth', createRng(2));
    expect(fromNull.parameters.initialMaxDepth).toEqual(expect.any(Number));
    const parent = candidateOf(satController.withParameters({ ...satController.parameters, restartEvery: 1000 }));
    const root = createRng('null-rate');
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) => proposed(parent, 'restartEvery', root.fork(`${i}`))),
    );
    const nulls = results.filter((r) => r.parameters.restartEvery === null).length / results.length;
    // nullRate 0.2; SE of a proportion at n = 500 is 0.018.
    expect(nulls).toBeGreaterThan(0.14);
    expect(nulls).toBeLessThan(0.26);
  });

  it('re-weights, adds and drops map entries, adding only keys the record allows', async () => {
    const parent = candidateOf(dslController);
    const root = createRng('maps');
    const boosts = await Promise.all(
      Array.from(
        { length: 200 },
        async (_, i) => (await proposed(parent, 'stallBoosts', root.fork(`${i}`))).parameters.stallBoosts,
      ),
    );
    const keys = boosts.map((b) =>
      Object.keys(b as object)
        .sort()
        .join(','),
    );
    expect(keys).toContain('zipwith');
    expect(keys).toContain('');
    expect(keys.some((k) => k.split(',').length === 2)).toBe(true);
    const reweighted = boosts.filter((b) => keys[boosts.indexOf(b)] === 'zipwith') as { zipwith: number }[];
    expect(reweighted.every((b) => b.zipwith !== 1.5 && b.zipwith > 0 && b.zipwith <= 10)).toBe(true);
    const operators = dslControllerSchema.shape.stallBoosts.keyType.options as readonly string[];
    expect(keys.flatMap((k) => (k === '' ? [] : k.split(','))).every((k) => operators.includes(k))).toBe(true);
  });

  it('reports invalid when every draw repeats the parent or a rejected candidate', async () => {
    const parent = candidateOf(dslController);
    const flipped = dslController.withParameters({ ...dslController.parameters, stopOnVisiblePass: false });
    const result = await parametricProposer({ maxDraws: 5 }).propose(
      request(parent, 'stopOnVisiblePass', createRng(1), new Set([flipped.hash])),
    );
    expect(result).toEqual({
      kind: 'invalid',
      reason:
        'no new value for "stopOnVisiblePass" in 5 draws: 5 repeated the parent or a rejected candidate; its neighbourhood may be exhausted — try another component or a larger stepScale',
      usage: noProposerUsage,
    });
  });

  it('keeps only draws that pass a refinement JSON Schema cannot state, and says when none did', async () => {
    const schema = z
      .strictObject({ low: z.number().min(0).max(10), high: z.number().min(0).max(10) })
      .refine((p) => p.low < p.high, {
        message: 'low must stay below high',
        path: ['low'],
      });
    const controller = defineController({
      id: 'pair',
      schema,
      parameters: { low: 2, high: 3 },
      steer: () => ({ text: '' }),
    });
    const root = createRng('refine');
    const lows: number[] = [];
    for (let i = 0; i < 100; i++) {
      const result = await parametricProposer().propose(request(candidateOf(controller), 'low', root.fork(`${i}`)));
      if (result.kind === 'proposal') lows.push(result.parameters.low as number);
    }
    // Unrefined, a step of sd 2 from 2 lands at or above 3 about a third of the time; those draws are redrawn.
    expect(lows).toHaveLength(100);
    expect(lows.every((low) => low < 3)).toBe(true);
    const stuck = defineController({
      id: 'stuck',
      schema,
      parameters: { low: 9.99, high: 10 },
      steer: () => ({ text: '' }),
    });
    const result = await parametricProposer({ maxDraws: 3, stepScale: 5 }).propose(
      request(candidateOf(stuck), 'high', createRng(4)),
    );
    expect(result.kind === 'invalid' && result.reason).toMatch(
      /in 3 draws: 0 repeated .*, 3 failed the schema \(first: low: low must stay below high\)/,
    );
  });

  it('refuses options outside their range, naming the option and an example', () => {
    expect(() => parametricProposer({ stepScale: 0 })).toThrow(ProposerOptionsError);
    expect(() => parametricProposer({ stepScale: 0 })).toThrow(
      'parametricProposer: option "stepScale" must be a finite number > 0, received 0; pass for example { stepScale: 0.2 }',
    );
    expect(() => parametricProposer({ nullRate: 1.5 })).toThrow(/"nullRate" must be a finite number ≥ 0 and ≤ 1/);
    expect(() => parametricProposer({ maxDraws: 2.5 })).toThrow(/"maxDraws" must be an integer ≥ 1/);
  });
});
