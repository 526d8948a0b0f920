import type { Family } from '@ratchet/runtime';
import { viewOf } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { dslFamily } from './dsl/dsl-family';
import { EnvironmentsError } from './environments-error';
import { familyIds, findFamily, registerFamily } from './families';

/** Small options for each built-in, so the contract test runs in moments. */
const small: Record<string, unknown> = {
  dsl: { count: 5, budget: 200 },
  sat: { count: 2, flips: 30 },
  sim: { count: 3 },
};

describe('the family registry', () => {
  it('has the three built-ins, found by id', () => {
    expect(familyIds()).toEqual(['dsl', 'sat', 'sim']);
    expect(findFamily('dsl')).toBe(dslFamily);
    expect(findFamily('nope')).toBeUndefined();
  });

  it('takes a new family with one call, and refuses a second family under a taken id', () => {
    const mine: Family = { ...dslFamily, id: 'mine', description: 'a test family' };
    registerFamily(mine);
    registerFamily(mine);
    expect(findFamily('mine')).toBe(mine);
    expect(familyIds()).toEqual(['dsl', 'sat', 'sim', 'mine']);
    expect(() => registerFamily({ ...mine })).toThrow(EnvironmentsError);
    expect(() => registerFamily({ ...mine })).toThrow(/another family is already registered as "mine"/);
  });
});

describe.each(['dsl', 'sat', 'sim'])('the %s family keeps the Family contract', (id) => {
  const family = findFamily(id) as Family;
  const options = family.options.parse(small[id]);

  it('draws the same tasks for the same options, by split, with ids in no two splits', async () => {
    const all = await family.draw(options);
    expect(await family.draw(options)).toEqual(all);
    const bySplit = await Promise.all(
      (['train', 'val', 'holdout'] as const).map((split) => family.draw(options, split)),
    );
    expect(
      bySplit
        .flat()
        .map((task) => task.id)
        .sort(),
    ).toEqual(all.map((task) => task.id).sort());
    expect(bySplit.every((tasks, i) => tasks.every((task) => task.split === ['train', 'val', 'holdout'][i]))).toBe(
      true,
    );
    expect(new Set(all.map((task) => task.id)).size).toBe(all.length);
  });

  it('creates an instance whose environment serves the drawn tasks and whose worker meters what the family says', async () => {
    const instance = family.create(options);
    expect(await instance.environment.tasks()).toEqual(await family.draw(options));
    expect(instance.worker.workUnit ?? null).toBe(family.meters.workUnit);
    expect(family.meters).toMatchObject({ usd: false, tokens: false });
    expect(instance.analyst.free).toBe(true);
    const [task] = await family.draw(options, 'train');
    const handle = await instance.environment.open(viewOf(task as NonNullable<typeof task>));
    expect(handle).toBeDefined();
    await instance.close();
  });

  it('validates its controller defaults and builds the arm’s controller from them', () => {
    expect(family.controllerSpace.schema.safeParse(family.controllerSpace.defaults).success).toBe(true);
    const instance = family.create(options);
    const controller = instance.controller('refine');
    expect(controller.schema.safeParse(controller.parameters).success).toBe(true);
    expect(() => instance.controller('refine', { notAParameter: 1 })).toThrow(/notAParameter/);
  });
});
