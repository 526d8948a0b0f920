import { describe, expect, it } from 'vitest';
import { dslDomain, dslDomainParameters } from './dsl-domain';
import { dslFamily } from './dsl-family';
import { compose, type DslExpr, printProgram, programSize } from './dsl-program';
import { dslTasks } from './dsl-tasks';

describe('the dsl domain', () => {
  it('draws 8 distinct two-operator idioms from its seed alone', () => {
    const domain = dslDomain(3);
    expect(domain.idioms).toHaveLength(dslDomainParameters.idioms);
    expect(domain.idioms.every((idiom) => programSize(idiom) === 2)).toBe(true);
    const printed = domain.idioms.map(printProgram);
    expect(new Set(printed).size).toBe(8);
    expect(dslDomain('3').idioms.map(printProgram)).toEqual(printed);
    expect(dslDomain(4).idioms.map(printProgram)).not.toEqual(printed);
  });

  it("composes each task's target from the idioms its metadata names, as many as its level says", () => {
    const domain = dslDomain(3);
    const tasks = dslTasks({ count: 40, seed: 1, domain: 3 });
    const perLevel = { easy: 1, medium: 2, hard: 3, 'out-of-reach': 4 } as const;
    for (const task of tasks) {
      const idioms = task.metadata.idioms ?? [];
      expect(idioms).toHaveLength(perLevel[task.metadata.difficulty]);
      let chain: DslExpr = { op: 'xs' };
      for (const index of idioms) chain = compose(domain.idioms[index] as DslExpr, chain);
      expect(task.expected.program).toContain(printProgram(chain));
      expect(task.id).toMatch(/^dsl-d3-1-\d{4}$/);
    }
    // The idioms recur across tasks: that is what there is to learn.
    const uses = tasks.flatMap((task) => task.metadata.idioms ?? []);
    expect(new Set(uses).size).toBe(8);
    expect(uses.length).toBeGreaterThan(2 * 8);
  });

  it('is a family option; without it the targets are drawn uniformly as before', async () => {
    const drawn = await dslFamily.draw({ count: 10, seed: 1, domain: 3 }, 'train');
    expect(drawn.map((task) => task.id)).toEqual(
      dslTasks({ count: 10, seed: 1, domain: 3, split: 'train' }).map((task) => task.id),
    );
    const uniform = await dslFamily.draw({ count: 10, seed: 1 }, 'train');
    expect(uniform.every((task) => task.metadata?.idioms === undefined && task.id.startsWith('dsl-1-'))).toBe(true);
    expect(() => dslFamily.options.parse({ domain: 1.5 })).toThrow('must be a whole number or a non-empty string');
  });
});
